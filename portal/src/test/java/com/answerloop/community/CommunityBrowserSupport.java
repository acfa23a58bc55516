package com.answerloop.community;

import com.answerloop.support.BackgroundWork;
import com.answerloop.support.Browser;
import com.answerloop.support.Content;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the community's browser tests: one running portal (random port, in-memory H2 in MySQL mode, the shipped
 * knowledge base, no SMTP server so mail lands in the outbox) shared by every subclass through Spring's context cache,
 * and a headless Chromium per test class. Members sign in through the real login form.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:community-it-${random.uuid};DB_CLOSE_DELAY=-1;MODE=MySQL;"
                    + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
            "answerloop.accounts.admin-email=" + CommunityBrowserSupport.ADMIN_EMAIL,
            "answerloop.accounts.admin-password=" + CommunityBrowserSupport.PASSWORD,
            "answerloop.community.post-interval=0s",
        })
abstract class CommunityBrowserSupport {

    static final String PASSWORD = "a long enough test password";
    static final String ADMIN_EMAIL = "first-admin@community.test";
    static final Duration WAIT = Duration.ofSeconds(20);

    private static final Path DATA_DIR = temporary("answerloop-community-it-data");
    private static final Path CONTENT_DIR = temporary("answerloop-community-it-content");

    @RegisterExtension
    static final Browser CHROMIUM = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Posting posting;

    @Autowired
    Voting voting;

    @Autowired
    Flagging flagging;

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    TopicAdministration topicAdministration;

    @Autowired
    com.answerloop.accounts.AccountManagement accounts;

    @Autowired
    @Qualifier("applicationTaskExecutor")
    ThreadPoolTaskExecutor listenerThreads;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Path kb = CONTENT_DIR.resolve("kb");
        if (!Files.exists(kb)) {
            Content.copyTree(Content.shippedKnowledgeBase(), kb);
        }
        // A subclass with a portal of its own (another context) names its own directory: the index there is locked.
        registry.add("answerloop.data-dir", () -> "${answerloop.test.data-dir:" + DATA_DIR + "}");
        registry.add("answerloop.content-dir", kb::toString);
    }

    /**
     * Waits until the listeners have applied what was posted to the search index (and sent its notifications): search
     * follows a commit on another thread, and hundreds of posts queue there.
     */
    void awaitListenersDone() {
        BackgroundWork.awaitIdle(listenerThreads);
    }

    WebDriver browser() {
        return CHROMIUM.driver();
    }

    WebDriverWait waiting() {
        return Browser.patientWait(browser(), WAIT);
    }

    /** A verified member who signs in with {@link #PASSWORD}, joined a month ago. */
    long member(String email, String name, String... roles) {
        return CommunitySeeds.account(jdbc, email, name, passwords.encode(PASSWORD), 30, roles);
    }

    /** A member with enough reputation to be established, whose flags are trusted (see {@link CommunitySeeds}). */
    long trustedMember(String email, String name) {
        long id = member(email, name);
        CommunitySeeds.grantReputation(jdbc, id, 150);
        return id;
    }

    Actor actor(long accountId) {
        return Actor.of(accounts.findById(accountId).orElseThrow());
    }

    void signIn(String email) {
        browser().manage().deleteAllCookies();
        open("/login");
        browser().findElement(By.id("username")).sendKeys(email);
        browser().findElement(By.id("password")).sendKeys(PASSWORD);
        browser().findElement(By.id("password")).submit();
        waiting().until(driver -> !driver.getCurrentUrl().contains("/login"));
    }

    void signOut() {
        // "Sign out" sits in the header's profile menu, as on most sites
        browser().findElement(By.cssSelector("[data-test=profile-menu]")).click();
        browser()
                .findElement(By.xpath("//button[normalize-space()='Sign out']"))
                .click();
        waiting().until(ExpectedConditions.urlContains("/login"));
    }

    /** Forgets the session: the next page is seen by an anonymous visitor. */
    void anonymous() {
        browser().manage().deleteAllCookies();
    }

    void open(String path) {
        browser().get(url(path));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    String mainText() {
        return browser().findElement(By.tagName("main")).getText();
    }

    /** Opens the moderation queue page after page until {@code selector} shows; that page stays open. */
    WebElement queueItem(String selector) {
        for (int page = 1; ; page++) {
            open("/moderation/community?page=" + page);
            List<WebElement> found = browser().findElements(By.cssSelector(selector));
            if (!found.isEmpty()) {
                return found.getFirst();
            }
            if (browser()
                    .findElements(By.cssSelector("[data-test=queue-pages] a[rel=next]"))
                    .isEmpty()) {
                throw new AssertionError("Not in the moderation queue: " + selector);
            }
        }
    }

    /** Opens the site's {@code /search} page for a query (and a type filter, or null) and returns its result items. */
    List<WebElement> searchPage(String query, String type) {
        open("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + (type == null ? "" : "&type=" + URLEncoder.encode(type, StandardCharsets.UTF_8)));
        return browser().findElements(By.cssSelector("main .search-hits li.result"));
    }

    private static Path temporary(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
