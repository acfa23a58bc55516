package com.answerloop.shared.readonly;

import com.answerloop.shared.web.ApiProblems;
import com.answerloop.shared.web.ProblemPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Answers a refused write, and a page that needed the unreachable database, with 503 and {@code Retry-After}: an RFC
 * 9457 problem detail for the API, a page with the message for everything else. Ordered first, so no module's
 * catch-all handler turns them into a 500.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReadOnlyAdvice {

    static final URI TYPE = URI.create("https://answerloop.example/problems/read-only");

    private static final Logger log = LoggerFactory.getLogger(ReadOnlyAdvice.class);

    private final ReadOnlyMode mode;

    ReadOnlyAdvice(ReadOnlyMode mode) {
        this.mode = mode;
    }

    @ExceptionHandler(ReadOnlyRefused.class)
    Object refused(HttpServletRequest request, HttpServletResponse response) {
        return unavailable(
                request,
                response,
                "Read-only for now",
                "The help center is read-only for a few minutes: its database cannot be reached. Nothing was saved. "
                        + "You can still read articles and search; please try again in a minute.");
    }

    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class})
    Object databaseUnavailable(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.warn(
                "{} {} needed the database, which is unavailable: {}",
                request.getMethod(),
                request.getRequestURI(),
                e.getMessage());
        if (DatabaseFailures.couldNotConnect(e)) {
            // a connection that broke mid-request (the server died): no need to wait for the next probe
            mode.enter("a request lost its connection to the database: " + e.getMessage());
        }
        return unavailable(
                request,
                response,
                mode.active() ? "Read-only for now" : "Temporarily unavailable",
                "This needs the help center's database, which cannot be reached right now. "
                        + "Articles and search still work; please try again in a minute.");
    }

    private static Object unavailable(
            HttpServletRequest request, HttpServletResponse response, String title, String message) {
        String retryAfter = Integer.toString(ReadOnlyMode.RETRY_AFTER_SECONDS);
        if (ApiProblems.isApi(request)) {
            ProblemDetail problem = ApiProblems.of(HttpStatus.SERVICE_UNAVAILABLE, message);
            problem.setType(TYPE);
            problem.setTitle(title);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, retryAfter)
                    .body(problem);
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
        return ProblemPages.page(HttpStatus.SERVICE_UNAVAILABLE, title, message);
    }
}
