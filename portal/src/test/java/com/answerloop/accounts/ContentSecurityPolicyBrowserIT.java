package com.answerloop.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.support.Browser;
import com.answerloop.support.Content;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every page type, anonymous and signed in, carries the Content-Security-Policy and the other security headers, and
 * Chromium reports no CSP violation on any of them (a listener for {@code securitypolicyviolation} is installed
 * before each page's own scripts run).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:csp-${random.uuid};DB_CLOSE_DELAY=-1;MODE=MySQL;"
                    + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
            "answerloop.accounts.admin-email=" + ContentSecurityPolicyBrowserIT.ADMIN,
            "answerloop.accounts.admin-password=" + ContentSecurityPolicyBrowserIT.PASSWORD
        })
class ContentSecurityPolicyBrowserIT {

    static final String ADMIN = "csp-admin@answerloop.test";
    static final String PASSWORD = "a long admin passphrase 42";

    private static final String LISTEN_FOR_VIOLATIONS = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', function (e) {
              window.__cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.documentURI);
            });
            """;

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory("answerloop-csp");
        registry.add("answerloop.data-dir", data::toString);
        registry.add(
                "answerloop.content-dir", () -> Content.shippedKnowledgeBase().toString());
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of("/", "/articles/reset-password", "/search?q=password", "/community", "/login")) {
            HttpResponse<Void> response = client.send(
                    HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.discarding());
            Map<String, List<String>> headers = response.headers().map();
            assertThat(headers.get("content-security-policy"))
                    .as(path)
                    .containsExactly(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY)
                    .contains("script-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'self'");
            assertThat(headers.get("referrer-policy")).as(path).containsExactly("strict-origin-when-cross-origin");
            assertThat(headers.get("permissions-policy")).as(path).isNotEmpty();
            assertThat(headers.get("cross-origin-opener-policy")).as(path).containsExactly("same-origin");
        }
        HttpResponse<Void> secretLink = client.send(
                HttpRequest.newBuilder(URI.create(base() + "/password-reset/confirm?token=abc"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(secretLink.headers().allValues("referrer-policy")).containsExactly("no-referrer");
    }

    @Test
    void noPageReportsAViolationAnonymousOrSignedIn() {
        ChromeDriver driver = browser.driver();
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LISTEN_FOR_VIOLATIONS));
        browser.clearCookies();
        List<String> violations = new ArrayList<>();

        for (String path : List.of(
                "/",
                "/categories",
                "/articles/reset-password",
                "/search?q=password",
                "/community",
                "/community/help",
                "/community/leaderboard",
                "/contact",
                "/login",
                "/register",
                "/password-reset",
                "/no-such-page")) {
            visit(driver, path, violations);
        }
        // a customer's request: the contact form, then its secret link page
        visit(driver, "/contact", violations);
        driver.findElement(By.id("subject")).sendKeys("Cannot export my invoices");
        driver.findElement(By.id("description")).sendKeys("The export button does nothing since Monday.");
        driver.findElement(By.id("email")).sendKeys("customer@example.com");
        driver.findElement(By.cssSelector("#request-form button[value=submit]")).click();
        violations.addAll(violations(driver));
        linkStartingWith(driver, "/requests/access/").ifPresent(link -> visit(driver, link, violations));

        // signed in as the administrator (every role)
        visit(driver, "/login", violations);
        driver.findElement(By.id("username")).sendKeys(ADMIN);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]"))
                .click();
        assertThat(driver.getCurrentUrl()).doesNotContain("/login");

        visit(driver, "/community/ask", violations);
        new Select(driver.findElement(By.id("ask-topic"))).selectByIndex(1);
        driver.findElement(By.id("ask-title")).sendKeys("How do I rotate my API keys safely?");
        driver.findElement(By.id("ask-body")).sendKeys("I need to rotate keys without downtime for our integration.");
        driver.findElement(By.cssSelector("button[value=post]")).click();
        // the click returns before the post's redirect lands on a busy machine
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().contains("/community/threads/"));
        violations.addAll(violations(driver));

        for (String path : List.of(
                "/account",
                "/community/notifications",
                "/agent",
                "/admin",
                "/admin/users",
                "/admin/outbox",
                "/admin/search",
                "/admin/content",
                "/moderation/community")) {
            visit(driver, path, violations);
        }
        linkStartingWith(driver, "/users/").ifPresent(link -> visit(driver, link, violations));
        visit(driver, "/agent", violations);
        linkStartingWith(driver, "/agent/cases/").ifPresent(link -> visit(driver, link, violations));

        assertThat(violations).isEmpty();
    }

    private void visit(ChromeDriver driver, String path, List<String> violations) {
        driver.get(path.startsWith("http") ? path : base() + path);
        violations.addAll(violations(driver));
    }

    @SuppressWarnings("unchecked")
    private static List<String> violations(ChromeDriver driver) {
        Object reported = driver.executeScript("return window.__cspViolations || ['listener missing'];");
        return (List<String>) reported;
    }

    private java.util.Optional<String> linkStartingWith(ChromeDriver driver, String prefix) {
        return driver.findElements(By.cssSelector("a[href]")).stream()
                .map((WebElement a) -> a.getAttribute("href"))
                .filter(href -> href != null && href.startsWith(base() + prefix))
                .findFirst();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
