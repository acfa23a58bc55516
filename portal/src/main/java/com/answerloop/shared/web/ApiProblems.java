package com.answerloop.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The one place that decides what an error of the JSON API ({@code /api/**}) looks like: an RFC 9457 problem detail
 * whose {@code type} names the HTTP status's definition, whose {@code title} is the status's reason phrase and whose
 * {@code detail} is a sentence we wrote ourselves (never an exception message from a library).
 */
public final class ApiProblems {

    /** Where the status codes are defined; RFC 9457 lets {@code type} point at the status's own semantics. */
    private static final String HTTP_SEMANTICS = "https://httpwg.org/specs/rfc9110.html#status.";

    private static final URI TOO_MANY_REQUESTS = URI.create("https://www.rfc-editor.org/rfc/rfc6585#section-4");

    private ApiProblems() {}

    /** Whether the request (or, on an error dispatch, the request that failed) is an API call. */
    public static boolean isApi(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String original ? original : request.getRequestURI();
        String path = uri.substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** A problem detail for the status with our own sentence as detail. */
    public static ProblemDetail of(HttpStatusCode status, String detail) {
        return complete(ProblemDetail.forStatusAndDetail(status, detail));
    }

    /** Fills in the {@code type} and {@code title} a problem detail lacks. */
    public static ProblemDetail complete(ProblemDetail problem) {
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(typeOf(problem.getStatus()));
        }
        if (problem.getTitle() == null) {
            HttpStatus known = HttpStatus.resolve(problem.getStatus());
            problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        }
        return problem;
    }

    static URI typeOf(int status) {
        return status == 429 ? TOO_MANY_REQUESTS : URI.create(HTTP_SEMANTICS + status);
    }

    /** Writes a problem detail where no message converter is at hand (security filters, the error dispatch). */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        complete(problem);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        StringBuilder json = new StringBuilder("{");
        field(json, "type", problem.getType().toString()).append(',');
        field(json, "title", problem.getTitle()).append(',');
        json.append("\"status\":").append(problem.getStatus());
        if (problem.getDetail() != null) {
            field(json.append(','), "detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            field(json.append(','), "instance", problem.getInstance().toString());
        }
        response.getWriter().write(json.append('}').toString());
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"');
    }
}
