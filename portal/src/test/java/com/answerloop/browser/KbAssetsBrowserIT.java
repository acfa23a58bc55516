package com.answerloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.support.Browser;
import com.answerloop.support.XssProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Files in {@code kb-content/assets/} are served on the portal's origin: an SVG carrying script must not run it when
 * opened directly or shown in an article, and an HTML file is not served at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = KbAssetsBrowserIT.HostileAssets.class)
class KbAssetsBrowserIT {

    static final String EVIL_SVG = """
            <svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"
                 onload="document.documentElement.setAttribute('data-onload', 'ran'); alert('svg onload')">
              <script>document.documentElement.setAttribute('data-script', 'ran'); alert('svg script');</script>
              <rect width="40" height="40" fill="teal"/>
            </svg>
            """;

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @BeforeAll
    static void hookDialogs() {
        XssProbe.install(browser.driver());
    }

    @Test
    void anSvgWithScriptOpenedDirectlyRunsNoScript() {
        ChromeDriver driver = browser.driver();
        driver.get(base() + "/kb-assets/evil.svg");

        JavascriptExecutor js = driver;
        assertThat(js.executeScript("return document.documentElement.getAttribute('data-onload');"))
                .isNull();
        assertThat(js.executeScript("return document.documentElement.getAttribute('data-script');"))
                .isNull();
        List<String> calls = XssProbe.calls(driver);
        assertThat(calls == null ? List.of() : calls).isEmpty();
    }

    @Test
    void anArticleShowingTheSvgStaysInert() {
        ChromeDriver driver = browser.driver();
        driver.get(base() + "/articles/svg-diagram");
        List<String> failures = new ArrayList<>();

        XssProbe.checkInert(driver, "article with an SVG image: ", failures);

        assertThat(failures).isEmpty();
        assertThat(driver.getPageSource()).contains("/kb-assets/evil.svg");
    }

    @Test
    void htmlAndUnknownAssetsAreNotServedAndImagesAreWithTheirHeaders() throws Exception {
        assertThat(get("/kb-assets/page.html").statusCode()).isEqualTo(404);
        assertThat(get("/kb-assets/PAGE.HTM").statusCode()).isEqualTo(404);
        assertThat(get("/kb-assets/notes.txt").statusCode()).isEqualTo(404);

        HttpResponse<String> svg = get("/kb-assets/evil.svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().allValues("Content-Security-Policy"))
                .anySatisfy(policy -> assertThat(policy).startsWith("sandbox"));
        assertThat(svg.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        HttpResponse<String> png = get("/kb-assets/article-lifecycle.png");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void anHtmlAssetOpenedInTheBrowserRunsNothing() {
        ChromeDriver driver = browser.driver();
        driver.get(base() + "/kb-assets/page.html");

        List<String> calls = XssProbe.calls(driver);
        assertThat(calls == null ? List.of() : calls).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain("html asset ran");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** A content directory with one article that shows an SVG carrying script, and an HTML file among the assets. */
    static final class HostileAssets extends PortalInitializer {
        @Override
        Path contentDir() {
            try {
                Path dir = Files.createTempDirectory("answerloop-hostile-assets-");
                Path assets = Files.createDirectories(dir.resolve("assets"));
                Files.writeString(assets.resolve("evil.svg"), EVIL_SVG);
                Files.writeString(
                        assets.resolve("page.html"),
                        "<html><body><script>alert('html asset'); document.write('html asset ran')</script></body></html>");
                Files.writeString(assets.resolve("PAGE.HTM"), "<script>alert('htm asset')</script>");
                Files.writeString(assets.resolve("notes.txt"), "plain notes");
                Files.copy(
                        shippedContent().resolve("assets/article-lifecycle.png"),
                        assets.resolve("article-lifecycle.png"));
                Files.writeString(
                        dir.resolve("svg-diagram.md"),
                        "---\ntitle: SVG diagram\n---\nThe diagram:\n\n![A diagram](assets/evil.svg)\n");
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        boolean temporaryContent() {
            return true;
        }
    }
}
