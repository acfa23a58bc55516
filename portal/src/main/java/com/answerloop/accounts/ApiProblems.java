package com.answerloop.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers refused API requests with an RFC 9457 problem detail (401 or 403) instead of the redirect to the sign-in page
 * that a browser gets.
 */
final class ApiProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        write(response, HttpStatus.UNAUTHORIZED, "Sign in to do this.", request.getRequestURI());
    }

    @Override
    public void handle(
            HttpServletRequest request, HttpServletResponse response, AccessDeniedException accessDeniedException)
            throws IOException {
        String detail = accessDeniedException instanceof org.springframework.security.web.csrf.CsrfException
                ? "Missing or invalid CSRF token: send the token from the page's _csrf meta tag in the X-CSRF-TOKEN header."
                : "You do not have permission to do this.";
        write(response, HttpStatus.FORBIDDEN, detail, request.getRequestURI());
    }

    private static void write(HttpServletResponse response, HttpStatus status, String detail, String instance)
            throws IOException {
        ProblemDetail problem = com.answerloop.shared.web.ApiProblems.of(status, detail);
        problem.setInstance(URI.create(instance));
        com.answerloop.shared.web.ApiProblems.write(response, problem);
    }
}
