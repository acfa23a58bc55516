package com.answerloop.support;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like API caller of a {@link PortalProcess}: keeps its cookies, and sends the CSRF token of the last page it
 * read, as the portal's own pages do.
 */
public final class PortalClient {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final java.util.function.Function<String, java.net.URI> uri;
    private final HttpClient client;
    private String csrfToken;

    PortalClient(PortalProcess portal) {
        this(portal::uri, browser());
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private PortalClient(java.util.function.Function<String, java.net.URI> uri, HttpClient client) {
        this.uri = uri;
        this.client = client;
    }

    /**
     * The same browser (its cookies, so its session, and its CSRF token) talking to another address on this host: a
     * second node of a cluster, or the balancer in front of them.
     */
    public PortalClient via(String baseUrl) {
        PortalClient other = new PortalClient(path -> java.net.URI.create(baseUrl + path), client);
        other.csrfToken = csrfToken;
        return other;
    }

    /** {@link #via(String)} for another portal process. */
    public PortalClient via(PortalProcess other) {
        return via(other.uri("").toString());
    }

    public record Response(int status, String body, HttpResponse<String> raw) {

        public <T> T json(String path) {
            return JsonPath.read(body, path);
        }
    }

    /** A new browser talking to this base URL (a balancer in front of several nodes). */
    public static PortalClient at(String baseUrl) {
        return new PortalClient(path -> java.net.URI.create(baseUrl + path), browser());
    }

    public void signIn(String email, String password) {
        get("/login");
        Response signedIn = form("/login", Map.of("username", email, "password", password));
        if (signedIn.status() != 302
                || signedIn.raw().headers().firstValue("location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed: " + signedIn.status() + " "
                    + signedIn.raw().headers());
        }
        get("/"); // the session's own CSRF token
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri.apply(path))
                .header("Accept", "text/html,application/json")
                .GET());
    }

    /** Posts JSON to the API with the session's CSRF token. */
    public Response postJson(String path, String json) {
        return postJson(path, json, Map.of());
    }

    public Response postJson(String path, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri.apply(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrfToken != null) {
            request.header("X-XSRF-TOKEN", csrfToken).header("X-CSRF-TOKEN", csrfToken);
        }
        headers.forEach(request::header);
        return send(request);
    }

    /** Submits a form with the CSRF token of the last page read. */
    public Response form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        if (csrfToken != null) {
            body += "&_csrf=" + URLEncoder.encode(csrfToken, StandardCharsets.UTF_8);
        }
        return send(HttpRequest.newBuilder(uri.apply(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher csrf = CSRF_META.matcher(response.body());
            if (csrf.find()) {
                csrfToken = csrf.group(1);
            }
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
