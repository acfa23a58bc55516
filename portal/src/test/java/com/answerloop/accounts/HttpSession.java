package com.answerloop.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal cookie-keeping HTTP client against the running portal, used where the real servlet container matters
 * (session and CSRF cookies, their flags, session ids changing). It sends the CSRF token of the last page it fetched, as a
 * browser submitting that page's form would. Redirects are not followed, so tests can assert them.
 */
final class HttpSession {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrfToken;

    HttpSession(int port) {
        this.base = "http://localhost:" + port;
    }

    record Response(int status, String body, Map<String, List<String>> headers) {

        Optional<String> location() {
            return Optional.ofNullable(headers.get("location")).map(List::getFirst);
        }

        List<String> setCookies() {
            return headers.getOrDefault("set-cookie", List.of());
        }
    }

    /** The CSRF token of the last page fetched, as its forms carry it. */
    String csrfToken() {
        return csrfToken;
    }

    String sessionId() {
        return cookies.get("JSESSIONID");
    }

    /** Uses the given session id from now on, e.g. an id that was signed out, to see what it still allows. */
    void useSessionId(String id) {
        cookies.put("JSESSIONID", id);
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Submits a form with the CSRF token from the last page fetched. */
    Response post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrfToken != null) {
            fields.putIfAbsent("_csrf", csrfToken);
        }
        return postRaw(path, fields);
    }

    /** Submits a form exactly as given (no CSRF token added). */
    Response postRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Signs in through the login form; returns the response to the form POST. */
    Response signIn(String email, String password) {
        get("/login");
        return post("/login", Map.of("username", email, "password", password));
    }

    private Response send(HttpRequest.Builder request) {
        request.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String cookie : response.headers().allValues("set-cookie")) {
                int equals = cookie.indexOf('=');
                int end = cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';');
                String name = cookie.substring(0, equals);
                String value = cookie.substring(equals + 1, end);
                if (value.isEmpty() || cookie.contains("Max-Age=0")) {
                    cookies.remove(name); // the server deleted it
                } else {
                    cookies.put(name, value);
                }
            }
            Matcher csrf = CSRF_META.matcher(response.body());
            if (csrf.find()) {
                csrfToken = csrf.group(1);
            }
            return new Response(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
