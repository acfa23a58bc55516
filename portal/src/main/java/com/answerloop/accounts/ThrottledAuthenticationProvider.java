package com.answerloop.accounts;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks the sign-in throttle before the password, inside the authentication itself, so every way into the
 * authentication manager is throttled alike, whatever URL spelling the request used ({@code /login},
 * {@code /logi%6e}...). Failures are counted by {@link SecurityEventLog} from the authentication failure events.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        Optional<Duration> blocked = throttle.blockedFor(authentication.getName(), address);
        if (blocked.isPresent()) {
            log.warn("Sign-in attempt refused while throttled: account {} from {}", authentication.getName(), address);
            throw new SignInThrottledException(blocked.get());
        }
        return passwords.authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    /** Sign-in refused before the password was checked because of earlier failures; says for how long. */
    static final class SignInThrottledException extends AuthenticationException {

        private final transient Duration remaining;

        SignInThrottledException(Duration remaining) {
            super("Too many failed sign-in attempts");
            this.remaining = remaining;
        }

        /** Whole minutes left, rounded up, at least one. */
        long minutes() {
            return Math.max(1, (remaining.toSeconds() + 59) / 60);
        }
    }
}
