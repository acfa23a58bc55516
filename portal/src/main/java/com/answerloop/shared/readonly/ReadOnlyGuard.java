package com.answerloop.shared.readonly;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.web.servlet.HandlerInterceptor;

/** Refuses every write (form posts and API changes) while the portal is read-only, before a controller starts it. */
class ReadOnlyGuard implements HandlerInterceptor {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ReadOnlyMode mode;

    ReadOnlyGuard(ReadOnlyMode mode) {
        this.mode = mode;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (mode.active() && !READS.contains(request.getMethod())) {
            throw new ReadOnlyRefused();
        }
        return true;
    }
}
