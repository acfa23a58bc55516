package com.answerloop.shared.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Asks {@link RateLimits} before each request reaches its controller and refuses it when a limit is exhausted; after
 * it, gives back the account's tokens when the controller said nothing was sent ({@link RateLimits#nothingSent}).
 */
class RateLimitInterceptor implements HandlerInterceptor {

    private static final String ADMISSION = RateLimitInterceptor.class.getName() + ".admission";

    private final RateLimits limits;

    RateLimitInterceptor(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String path = (ServletRequestPathUtils.hasParsedRequestPath(request)
                        ? ServletRequestPathUtils.getParsedRequestPath(request)
                        : ServletRequestPathUtils.parseAndCache(request))
                .pathWithinApplication()
                .value();
        RateLimits.Admission admission = limits.tryAcquire(
                request.getMethod(), path, request.getRemoteAddr(), request.getRemoteUser(), request::getParameter);
        if (admission.refused()) {
            throw new RateLimitExceeded(admission.retryAfter());
        }
        request.setAttribute(ADMISSION, admission);
        return true;
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        if (request.getAttribute(ADMISSION) instanceof RateLimits.Admission admission
                && RateLimits.sentNothing(request)) {
            limits.giveBackAccountTokens(admission);
        }
    }
}
