package com.answerloop.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.shared.ratelimit.BucketStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(
            new AccountSettings.Throttle(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15)),
            BucketStore.inMemory(Duration.ofDays(1), clock));

    @Test
    void blocksAnAccountAfterFiveFailuresWithinTheWindow() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("ada@example.com", "10.0.0." + i);
        }
        assertThat(throttle.blockedFor("ada@example.com", "10.0.0.9")).isEmpty();
        throttle.recordFailure("ADA@example.com", "10.0.0.5");
        assertThat(throttle.blockedFor("ada@example.com", "10.0.0.9"))
                .hasValueSatisfying(d -> assertThat(d).isEqualTo(Duration.ofMinutes(15)));
        // other accounts from the same addresses are unaffected
        assertThat(throttle.blockedFor("bob@example.com", "10.0.0.1")).isEmpty();
    }

    @Test
    void theBlockEndsAfterItsDuration() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("ada@example.com", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.blockedFor("ada@example.com", "10.0.0.2"))
                .hasValueSatisfying(d -> assertThat(d).isEqualTo(Duration.ofMinutes(5)));
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.blockedFor("ada@example.com", "10.0.0.2")).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("ada@example.com", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.recordFailure("ada@example.com", "10.0.0.1");
        assertThat(throttle.blockedFor("ada@example.com", "10.0.0.2")).isEmpty();
    }

    @Test
    void successClearsTheAccountsFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("ada@example.com", "10.0.0.1");
        }
        throttle.recordSuccess("ada@example.com");
        throttle.recordFailure("ada@example.com", "10.0.0.1");
        assertThat(throttle.blockedFor("ada@example.com", "10.0.0.2")).isEmpty();
    }

    @Test
    void blocksAnAddressThatTriesManyAccounts() {
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("user" + i + "@example.com", "203.0.113.7");
        }
        assertThat(throttle.blockedFor("someone-new@example.com", "203.0.113.7"))
                .isPresent();
        assertThat(throttle.blockedFor("someone-new@example.com", "198.51.100.1"))
                .isEmpty();
    }
}
