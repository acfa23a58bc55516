package com.answerloop.shared.ratelimit;

import com.answerloop.shared.web.ProblemPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Answers a request over a rate limit with 429 and {@code Retry-After}: an RFC 9457 problem detail for the API, a page
 * with the message for everything else. Ordered first, so no module's catch-all handler turns it into a 500.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RateLimitAdvice {

    @ExceptionHandler(RateLimitExceeded.class)
    Object tooManyRequests(RateLimitExceeded exceeded, HttpServletRequest request, HttpServletResponse response) {
        String seconds = Long.toString(exceeded.retryAfterSeconds());
        String message = "You have sent too many requests in a short time. Please wait "
                + readable(exceeded.retryAfterSeconds()) + " and try again.";
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, message);
            problem.setTitle("Too many requests");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, seconds)
                    .body(problem);
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, seconds);
        return ProblemPages.page(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", message);
    }

    /** A wait as a person reads it: "45 seconds", "20 minutes", "2 hours" (rounded up, never shorter than it is). */
    static String readable(long seconds) {
        if (seconds < 90) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 90) {
            return minutes + " minutes";
        }
        return (minutes + 59) / 60 + " hours";
    }
}
