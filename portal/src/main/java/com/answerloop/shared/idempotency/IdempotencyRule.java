package com.answerloop.shared.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one place that decides what idempotency means here: which requests carry a key (forms the hidden {@link
 * #FORM_FIELD} every post form gets, the API the {@code Idempotency-Key} header), whose key it is (the signed-in user,
 * or an anonymous client's address), what counts as "the same submission", which outcomes are remembered, and for how
 * long.
 */
final class IdempotencyRule {

    static final String FORM_FIELD = "_idempotency";
    static final String HEADER = "Idempotency-Key";
    /** Long enough for any retry by a person or a client library; Stripe keeps keys 24 hours too. */
    static final Duration KEPT_FOR = Duration.ofHours(24);

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Fields that differ between two sends of the same form without making it a different submission. */
    private static final Set<String> NOT_CONTENT = Set.of(FORM_FIELD, "_csrf");

    private static final int MAX_KEY = 255;

    private IdempotencyRule() {}

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }

    /** The key the client sent, or null when the request is not a keyed write. */
    static String key(HttpServletRequest request) {
        if (!WRITES.contains(request.getMethod())) {
            return null;
        }
        if (isApi(request)) {
            return request.getHeader(HEADER);
        }
        String contentType = request.getContentType();
        // not multipart forms: their fields are only readable once the multipart resolver ran, after this filter
        return contentType != null && contentType.startsWith("multipart/") ? null : request.getParameter(FORM_FIELD);
    }

    static boolean valid(String key) {
        return !key.isBlank() && key.length() <= MAX_KEY;
    }

    /** The stored id: the key within its owner's scope, so two clients choosing the same key never meet. */
    static String id(HttpServletRequest request, String key) {
        String owner = request.getRemoteUser() != null
                ? "user:" + request.getRemoteUser()
                : "anonymous:" + request.getRemoteAddr();
        return sha256(owner + "\n" + key);
    }

    /** What makes two submissions the same: method, path and content (a form's fields, an API call's body). */
    static String fingerprint(HttpServletRequest request, byte[] body) {
        StringBuilder text = new StringBuilder(request.getMethod())
                .append(' ')
                .append(request.getRequestURI())
                .append('?')
                .append(request.getQueryString() == null ? "" : request.getQueryString())
                .append('\n');
        if (body != null) {
            text.append(new String(body, StandardCharsets.UTF_8));
        } else {
            Map<String, String[]> fields = new TreeMap<>(request.getParameterMap());
            fields.keySet().removeAll(NOT_CONTENT);
            fields.forEach((name, values) -> text.append(name)
                    .append('=')
                    .append(String.join("\u0000", values))
                    .append('\n'));
        }
        return sha256(text.toString());
    }

    /**
     * Whether an outcome is a completed write to remember: a form's redirect (post/redirect/get), an API call's 2xx.
     * A form page shown again (a validation message, "find answers") and every error are not, so the person can
     * correct and send again.
     */
    static boolean remembered(boolean api, int status) {
        return api ? status >= 200 && status < 300 : status >= 300 && status < 400;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
