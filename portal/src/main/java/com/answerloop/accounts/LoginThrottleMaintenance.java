package com.answerloop.accounts;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets stale sign-in failure counters every few minutes so the throttle's memory stays bounded. */
@Component
class LoginThrottleMaintenance {

    private final LoginThrottle throttle;

    LoginThrottleMaintenance(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Scheduled(fixedDelayString = "PT5M")
    void purge() {
        throttle.purge();
    }
}
