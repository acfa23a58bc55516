package com.answerloop.shared.idempotency;

import com.answerloop.shared.web.ApiProblems;
import com.answerloop.shared.web.PageMeta;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Runs a keyed write once ({@link IdempotencyRule} says which requests are keyed): the first submission claims its key
 * and its response is remembered; a retry of the same submission gets that response again (header {@code
 * Idempotent-Replayed: true}) without running again; a retry that arrives while the first still runs waits for it; the
 * same key with different content is refused with 422. Runs after Spring Security, so only requests that passed sign-in
 * and CSRF checks are replayed, and keys are scoped to the signed-in user.
 */
@Component
@Order(0)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String REPLAYED = "Idempotent-Replayed";
    static final URI KEY_REUSED = URI.create("https://answerloop.example/problems/idempotency-key-reused");

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(10);
    private static final int MAX_API_BODY = 1 << 20;
    private static final int MAX_REMEMBERED_BODY = 64 * 1024;

    private final IdempotencyRecords records;

    IdempotencyFilter(IdempotencyRecords records) {
        this.records = records;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = IdempotencyRule.key(request);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean api = IdempotencyRule.isApi(request);
        if (!IdempotencyRule.valid(key)) {
            refuse(request, response, HttpStatus.BAD_REQUEST, null, "The Idempotency-Key must be 1 to 255 characters.");
            return;
        }
        HttpServletRequest readable = request;
        byte[] body = null;
        if (api) {
            body = request.getInputStream().readNBytes(MAX_API_BODY + 1);
            if (body.length > MAX_API_BODY) {
                refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, null, "The request body is too large.");
                return;
            }
            readable = new BufferedBodyRequest(request, body);
        }
        String id = IdempotencyRule.id(request, key);
        String fingerprint = IdempotencyRule.fingerprint(readable, body);
        boolean claimed;
        try {
            claimed = records.claim(id, fingerprint);
        } catch (DataAccessException e) {
            // without the database the write cannot succeed anyway; let the portal answer it (read-only mode)
            log.debug("Idempotency key not checked: the database is unavailable", e);
            chain.doFilter(readable, response);
            return;
        }
        if (!claimed) {
            answerRetry(request, response, id, fingerprint, readable, chain, api);
            return;
        }
        run(readable, response, chain, id, api);
    }

    private void run(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, String id, boolean api)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean remembered = false;
        try {
            chain.doFilter(request, captured);
            int status = captured.getStatus();
            if (IdempotencyRule.remembered(api, status) && captured.getContentSize() <= MAX_REMEMBERED_BODY) {
                records.complete(
                        id,
                        status,
                        captured.getHeader(HttpHeaders.LOCATION),
                        captured.getContentType(),
                        api ? new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8) : null);
                remembered = true;
            }
        } finally {
            if (!remembered) {
                release(id);
            }
            captured.copyBodyToResponse();
        }
    }

    private void answerRetry(
            HttpServletRequest request,
            HttpServletResponse response,
            String id,
            String fingerprint,
            HttpServletRequest readable,
            FilterChain chain,
            boolean api)
            throws ServletException, IOException {
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        while (true) {
            Optional<IdempotencyRecords.Entry> entry = records.find(id);
            if (entry.isEmpty()) {
                // the first attempt failed and let go of the key: this one runs
                if (records.claim(id, fingerprint)) {
                    run(readable, response, chain, id, api);
                    return;
                }
                continue;
            }
            if (!entry.get().fingerprint().equals(fingerprint)) {
                refuse(
                        request,
                        response,
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        KEY_REUSED,
                        api
                                ? "This Idempotency-Key was already used for a different request. Use a new key for a new request."
                                : "This form was already sent with different content. Reload the page to send it again.");
                return;
            }
            if (entry.get().state() == IdempotencyRecords.State.DONE) {
                replay(response, entry.get());
                return;
            }
            if (System.nanoTime() > deadline) {
                refuse(
                        request,
                        response,
                        HttpStatus.CONFLICT,
                        null,
                        "The same request is still being processed. Wait a moment, then check whether it went through.");
                return;
            }
            sleep();
        }
    }

    private static void replay(HttpServletResponse response, IdempotencyRecords.Entry done) throws IOException {
        response.setStatus(done.status());
        response.setHeader(REPLAYED, "true");
        if (done.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, done.location());
        }
        if (done.contentType() != null) {
            response.setContentType(done.contentType());
        }
        if (done.body() != null) {
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(done.body());
        }
    }

    private static void refuse(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type, String message)
            throws IOException {
        if (IdempotencyRule.isApi(request)) {
            ProblemDetail problem = ApiProblems.of(status, message);
            if (type != null) {
                problem.setType(type);
            }
            ApiProblems.write(response, problem);
            return;
        }
        request.setAttribute(PageMeta.ERROR_MESSAGE_ATTRIBUTE, message);
        response.sendError(status.value());
    }

    private void release(String id) {
        try {
            records.release(id);
        } catch (DataAccessException e) {
            log.warn("Could not release idempotency key; a retry will wait for it to expire", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
