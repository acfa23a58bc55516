package com.answerloop.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Asks for the password again before a sensitive action when the session sat idle (ASVS 3.3.2): after
 * {@code answerloop.accounts.reauthenticate-after-idle} without a request, the next administration change or profile
 * change goes to {@code /reauthenticate} first, so a session left open on a shared computer cannot change roles,
 * suspend members or rename the account. Changing the password or the email already asks for the current password.
 */
@Component
class Reauthentication implements HandlerInterceptor {

    /** The actions that need a recent password once the session was idle; decided here only. */
    static final RequestMatcher SENSITIVE = new OrRequestMatcher(
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/admin/**"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/account/profile"));

    private static final String LAST_SEEN = Reauthentication.class.getName() + ".lastSeen";
    private static final String REQUIRED = Reauthentication.class.getName() + ".required";

    private final Duration idleLimit;
    private final Clock clock;

    Reauthentication(AccountSettings settings, Clock clock) {
        this.idleLimit = settings.reauthenticateAfterIdle();
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session == null
                || authentication == null
                || !(authentication.getPrincipal() instanceof AccountUserDetails)) {
            return true;
        }
        Instant now = clock.instant();
        if (session.getAttribute(LAST_SEEN) instanceof Instant lastSeen
                && Duration.between(lastSeen, now).compareTo(idleLimit) >= 0) {
            session.setAttribute(REQUIRED, Boolean.TRUE);
        }
        session.setAttribute(LAST_SEEN, now);
        if (Boolean.TRUE.equals(session.getAttribute(REQUIRED)) && SENSITIVE.matches(request)) {
            response.sendRedirect(request.getContextPath() + "/reauthenticate?continue="
                    + URLEncoder.encode(continuePath(request), StandardCharsets.UTF_8));
            return false;
        }
        return true;
    }

    /** The password was confirmed: sensitive actions work again until the next idle time. */
    static void confirmed(HttpSession session) {
        session.removeAttribute(REQUIRED);
    }

    /** A path on this site to go back to: the page the form was on, else the account page. */
    static String safeContinue(String candidate) {
        if (candidate == null
                || !candidate.startsWith("/")
                || candidate.startsWith("//")
                || candidate.startsWith("/\\")
                || candidate.startsWith("/reauthenticate")) {
            return "/account";
        }
        return candidate;
    }

    private static String continuePath(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return "/account";
        }
        try {
            URI uri = URI.create(referer);
            if (uri.getHost() != null && !uri.getHost().equalsIgnoreCase(request.getServerName())) {
                return "/account";
            }
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return safeContinue(path);
        } catch (IllegalArgumentException e) {
            return "/account";
        }
    }
}
