package com.answerloop.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Writes security events to the log {@code com.answerloop.accounts.SecurityEventLog} (sign-ins, failures, sign-outs,
 * denials) and feeds the sign-in throttle. Never logs a password or token: only the account, the client address and
 * the kind of failure.
 */
@Component
class SecurityEventLog {

    private static final Logger log = LoggerFactory.getLogger(SecurityEventLog.class);

    private final LoginThrottle throttle;

    SecurityEventLog(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        throttle.recordSuccess(authentication.getName());
        log.info(
                "Sign-in succeeded: {} ({}) from {}",
                authentication.getName(),
                principal(authentication),
                address(authentication));
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        Authentication authentication = event.getAuthentication();
        String address = address(authentication);
        // Only wrong passwords count towards throttling: "not verified" or "suspended" follow a correct password.
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            throttle.recordFailure(authentication.getName(), address);
        }
        log.warn(
                "Sign-in failed: {} from {}: {}",
                authentication.getName(),
                address,
                event.getException().getClass().getSimpleName());
    }

    @EventListener
    void on(LogoutSuccessEvent event) {
        log.info("Signed out: {}", event.getAuthentication().getName());
    }

    @EventListener
    void on(AuthorizationDeniedEvent<?> event) {
        Authentication authentication = event.getAuthentication().get();
        String who = authentication == null
                        || authentication
                                instanceof org.springframework.security.authentication.AnonymousAuthenticationToken
                ? "anonymous"
                : authentication.getName();
        Object target = event.getSource();
        String what = target instanceof jakarta.servlet.http.HttpServletRequest request
                ? request.getMethod() + " " + request.getRequestURI()
                : String.valueOf(target.getClass().getSimpleName());
        log.info("Access denied: {} to {}", who, what);
    }

    private static String principal(Authentication authentication) {
        return authentication.getPrincipal() instanceof AccountUserDetails user ? user.toString() : "?";
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
    }
}
