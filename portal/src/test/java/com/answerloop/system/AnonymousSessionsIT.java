package com.answerloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.accounts.TestAccounts;
import com.answerloop.accounts.UserAccount;
import com.answerloop.community.CommunityFixtures;
import com.answerloop.support.Content;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.session.HttpSessionCreatedEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A crawler reading every public page type without cookies leaves no HTTP session behind (issue 16, D): each
 * anonymous search used to create an 8-hour session of about 700 bytes, so one crawler could fill the heap.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:anonymous-sessions;DB_CLOSE_DELAY=-1;MODE=MySQL;"
                    + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
            "answerloop.rate-limits.enabled=false"
        })
@Import({TestAccounts.class, AnonymousSessionsIT.SessionCounter.class})
class AnonymousSessionsIT {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApplicationContext context;

    @Autowired
    SessionCounter sessions;

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory("answerloop-sessions");
        registry.add("answerloop.data-dir", data::toString);
        registry.add(
                "answerloop.content-dir", () -> Content.shippedKnowledgeBase().toString());
    }

    @Test
    void crawlingEveryPublicPageTypeWithoutCookiesCreatesNoSession() throws Exception {
        UserAccount member = accounts.account("crawled@example.org", "Crawled Member");
        long thread = CommunityFixtures.openThread(
                context, member, "How do I export my invoices?", "I need every invoice of last year as PDF.");
        List<String> pages = List.of(
                "/",
                "/categories",
                "/categories/using-the-help-center",
                "/articles/reset-password",
                "/search?q=password",
                "/search?q=invoice+export&type=thread",
                "/api/v1/search/suggest?q=pass",
                "/community",
                "/community/topics/general",
                "/community/leaderboard",
                "/community/threads/" + thread,
                "/users/" + member.id(),
                "/contact",
                "/contact/suggestions?q=reset+my+password",
                "/login",
                "/register",
                "/sitemap.xml",
                "/api/v1/search?q=password",
                "/api/v1/articles",
                "/api/v1/articles/reset-password",
                "/api/v1/threads",
                "/api/v1/threads/" + thread,
                "/no-such-page");
        int before = sessions.created.get();
        HttpClient crawler = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        List<String> withSession = new ArrayList<>();
        for (String page : pages) {
            HttpResponse<String> response = crawler.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + page))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(page).isLessThan(500);
            if (response.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID"))) {
                withSession.add(page);
            }
        }
        assertThat(withSession).as("pages that set a session cookie").isEmpty();
        assertThat(sessions.created.get() - before)
                .as("HTTP sessions created by the crawl")
                .isZero();
    }

    @Test
    void sendingTheContactFormWithoutSigningInCreatesNoSessionAndOnlyThisBrowserSeesTheConfirmation() throws Exception {
        int before = sessions.created.get();
        HttpClient visitor = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        String form = visitor.send(
                        HttpRequest.newBuilder(url("/contact")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        List<String> fields = new ArrayList<>();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
                .matcher(form);
        while (hidden.find()) {
            fields.add(hidden.group(1) + "=" + URLEncoder.encode(hidden.group(2), StandardCharsets.UTF_8));
        }
        assertThat(fields).as("the form's hidden fields").anyMatch(field -> field.startsWith("_csrf="));
        fields.addAll(List.of(
                "subject=Invoice+PDF+missing",
                "description=The+invoice+for+March+is+not+in+my+account.",
                "email=sessionless%40example.org",
                "name=Sam",
                "category=Billing"));
        HttpRequest send = HttpRequest.newBuilder(url("/contact"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", fields)))
                .build();
        HttpResponse<String> sent = visitor.send(send, HttpResponse.BodyHandlers.ofString());

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.uri().getPath()).startsWith("/contact/sent/");
        assertThat(sent.body())
                .as("the confirmation page shows the reference and the private link")
                .containsPattern("class=\"case-reference\">AL-\\d+<")
                .contains("href=\"/requests/access/");
        assertThat(visitor.send(send, HttpResponse.BodyHandlers.ofString()).uri())
                .as("the same form sent again (its reply was lost) shows the same confirmation")
                .isEqualTo(sent.uri());
        assertThat(sessions.created.get() - before)
                .as("HTTP sessions created by sending the contact form")
                .isZero();
        HttpClient someoneElse = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        for (String guess : List.of("/contact/sent", "/contact/sent?ref=AL-1001", "/contact/sent/" + "x".repeat(43))) {
            HttpResponse<String> page =
                    someoneElse.send(HttpRequest.newBuilder(url(guess)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.uri().getPath())
                    .as("another visitor opening " + guess + " is sent to the form")
                    .isEqualTo("/contact");
            assertThat(page.body()).doesNotContain("case-reference").doesNotContain("/requests/access/");
        }
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Counts every HTTP session the server creates (the security configuration publishes the events). */
    @TestConfiguration(proxyBeanMethods = false)
    static class SessionCounter {

        final AtomicInteger created = new AtomicInteger();

        @EventListener
        void on(HttpSessionCreatedEvent event) {
            created.incrementAndGet();
        }
    }
}
