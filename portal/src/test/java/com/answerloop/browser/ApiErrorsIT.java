package com.answerloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every error of the JSON API, asked over real HTTP (the servlet container decodes the query string, which MockMvc
 * does not), is an RFC 9457 problem detail with a {@code type} and no Java internals; pages answer bad addresses with
 * a page. The documented parameters work and the documented CSRF header is the one accepted.
 */
@ShippedContentPortal
class ApiErrorsIT {

    private static final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} is a problem detail")
    @ValueSource(
            strings = {
                "400 /api/v1/search?q=%ff",
                "400 /api/v1/search/suggest?q=%ff",
                "400 /api/v1/search?q=mail&sort=bogus",
                "400 /api/v1/search?q=mail&type=bogus",
                "400 /api/v1/search?q=mail&size=abc",
                "400 /api/v1/search?q=mail&size=51",
                "400 /api/v1/search?q=mail&page=abc",
                "400 /api/v1/search",
                "404 /api/v1/no-such-endpoint",
                "404 /api/v1/articles/no-such-article",
                "404 /api/v1/threads/999999",
                "400 /api/v1/threads?page=abc",
                "401 POST /api/v1/threads"
            })
    void apiErrorsAreProblemDetails(String example) throws Exception {
        String[] parts = example.split(" ");
        boolean post = parts[1].equals("POST");
        String path = parts[parts.length - 1];
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
        if (post) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(Integer.parseInt(parts[0]));
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"type\":\"https://")
                .contains("\"title\":")
                .contains("\"status\":" + parts[0])
                .contains("\"detail\":")
                .doesNotContain("java.", "Exception", "Failed to convert", "timestamp", "\"error\"");
    }

    @Test
    void aSearchPageWithBrokenEncodingIsAPageNotJson() throws Exception {
        // curl's and scripts' default Accept: the answer is still the help center's page
        HttpResponse<String> response = get("/search?q=%ff", "*/*");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("not valid UTF-8").contains("<form");
    }

    @Test
    void documentedSortRecentOrdersByDate() throws Exception {
        // the shared portal may still be building its index from kb-content/: the API says so, and the order of a
        // partial list proves little
        HttpResponse<String> recent = Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> get("/api/v1/search?q=password&sort=recent&size=20", "application/json"),
                        response -> response.body().contains("\"rebuilding\":false"));
        assertThat(recent.statusCode()).isEqualTo(200);
        Matcher dates = Pattern.compile("\"updated\":\"([0-9-]+)\"").matcher(recent.body());
        String previous = "9999";
        int count = 0;
        while (dates.find()) {
            assertThat(dates.group(1)).as("newest first").isLessThanOrEqualTo(previous);
            previous = dates.group(1);
            count++;
        }
        assertThat(count).isGreaterThan(2);
        assertThat(get("/api/v1/search?q=password&type=article", "application/json")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theDocumentedCsrfHeaderIsAccepted() throws Exception {
        HttpResponse<String> page = get("/articles/reset-password", "text/html");
        Matcher token =
                Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
        Matcher header = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(token.find()).isTrue();
        assertThat(header.find()).isTrue();
        assertThat(header.group(1))
                .as("the header the page tells scripts to use")
                .isEqualTo("X-CSRF-TOKEN");
        String cookies = String.join(
                "; ",
                page.headers().allValues("Set-Cookie").stream()
                        .map(c -> c.substring(0, c.indexOf(';')))
                        .toList());

        HttpResponse<String> without = vote(cookies, null, null);
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.body()).contains("X-CSRF-TOKEN");

        // past the CSRF check, the anonymous caller is asked to sign in
        HttpResponse<String> with = vote(cookies, "X-CSRF-TOKEN", token.group(1));
        assertThat(with.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> vote(String cookies, String header, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/posts/1/votes"))
                .header("Content-Type", "application/json")
                .header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString("{\"value\":\"up\"}"));
        if (header != null) {
            request.header(header, token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Accept", accept)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
