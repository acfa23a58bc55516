package com.answerloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.accounts.Role;
import com.answerloop.accounts.TestAccounts;
import com.answerloop.accounts.UserAccount;
import com.answerloop.support.Browser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** What a customer notices on the way through the help center, in a real browser. */
@ShippedContentPortal
@Import(TestAccounts.class)
class JourneysIT {

    /** Pages every visitor can open, one of each kind. */
    /** The not-found page is checked on purpose; every other page must be the page itself, answered 200. */
    private static final String MISSING_PAGE = "/no-such-page";

    static final List<String> PUBLIC_PAGES = List.of(
            "/",
            "/categories",
            "/categories/operators",
            "/articles/markdown-formatting-guide",
            "/articles/reset-password",
            "/search?q=password",
            "/search?q=" + "averyveryverylongquerywithoutanyspacesthatmustwrapinsteadofwideningthepage".repeat(3),
            "/search?q=zzqx+nothing+matches",
            "/community",
            "/contact",
            "/login",
            "/register",
            MISSING_PAGE);

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @AfterEach
    void desktopAgain() {
        browser.driver().manage().window().setSize(new Dimension(1280, 1024));
    }

    @Test
    void contactSupportAndMyRequestsAreInTheHeaderOfEveryPage() {
        WebDriver driver = browser.driver();
        driver.manage().deleteAllCookies();
        for (String path : PUBLIC_PAGES) {
            driver.get(base() + path);
            assertThat(driver.findElement(By.cssSelector("[data-test=contact-link]"))
                            .getAttribute("href"))
                    .as(path)
                    .endsWith("/contact");
            assertThat(driver.findElements(By.cssSelector("[data-test=requests-link]")))
                    .as(path)
                    .hasSize(1);
        }
    }

    @Test
    void helpArticlesNameTheButtonsAndLinksThePagesReallyHave() {
        WebDriver driver = browser.driver();
        driver.manage().deleteAllCookies();
        assertArticleAndPageAgree(driver, "reset-password", "Forgot your password?", "/login");
        assertArticleAndPageAgree(driver, "reset-password", "Send reset link", "/password-reset");
        assertArticleAndPageAgree(driver, "contact-support", "Send request", "/contact");
        assertArticleAndPageAgree(driver, "contact-support", "Contact support", "/");
        signIn(driver, accounts.account("reader.member@answerloop.test", "Reader Member"));
        assertArticleAndPageAgree(driver, "track-your-requests", "My requests", "/");
        assertArticleAndPageAgree(driver, "reset-password", "Account settings", "/");
        assertArticleAndPageAgree(driver, "reset-password", "Change password", "/account");
    }

    /** The article names the control in bold, and the page has a button or link with exactly that text. */
    private void assertArticleAndPageAgree(WebDriver driver, String slug, String control, String page) {
        driver.get(base() + "/articles/" + slug);
        List<String> bold = driver.findElements(By.cssSelector(".article-body strong")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(bold).as(slug + " names " + control).contains(control);
        driver.get(base() + page);
        List<String> controls =
                driver
                        .findElements(By.cssSelector("main button, main a, header a, header summary, header button"))
                        .stream()
                        .map(e -> e.getAttribute("textContent").strip())
                        .toList();
        assertThat(controls).as(page + " has " + control).contains(control);
    }

    @Test
    void afterANoVoteTheReaderIsOfferedAWayToAPerson() {
        WebDriver driver = browser.driver();
        driver.manage().deleteAllCookies();
        ArticlePage article = ArticlePage.open(driver, base(), "trouble-signing-in");
        assertThat(driver.findElement(By.cssSelector("[data-test=article-contact] a"))
                        .getAttribute("href"))
                .endsWith("/contact");
        article.voteNo();
        assertThat(article.linksAfterNoVote()).contains("Contact support", "My requests");
    }

    @Test
    void theProfileMenuLeadsToMyRequestsAndAccountSettings() {
        WebDriver driver = browser.driver();
        signIn(driver, accounts.account("menu.member@answerloop.test", "Menu Member"));
        driver.get(base() + "/articles/reset-password");
        WebElement requests = driver.findElement(By.cssSelector("[data-test=menu-requests]"));
        assertThat(requests.isDisplayed()).as("closed until opened").isFalse();
        driver.findElement(By.cssSelector("[data-test=profile-menu]")).click();
        assertThat(driver.findElement(By.cssSelector("[data-test=menu-account]"))
                        .getText())
                .isEqualTo("Account settings");
        requests.click();
        Browser.patientWait(driver).until(d -> d.getCurrentUrl().endsWith("/requests"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).containsIgnoringCase("requests");
    }

    @Test
    void staffSeeTheirQueuesWithCountsInTheHeader() {
        WebDriver driver = browser.driver();
        Map<Role, List<String>> expected = Map.of(
                Role.MEMBER,
                List.of(),
                Role.AGENT,
                List.of("staff-cases"),
                Role.EDITOR,
                List.of("staff-review", "staff-insights"),
                Role.MODERATOR,
                List.of("staff-moderation"),
                Role.ADMIN,
                List.of("staff-cases", "staff-review", "staff-moderation", "staff-insights", "staff-admin"));
        for (Map.Entry<Role, List<String>> role : expected.entrySet()) {
            signIn(driver, account(role.getKey()));
            driver.get(base() + "/");
            List<String> links = driver.findElements(By.cssSelector(".staff-nav a")).stream()
                    .map(a -> a.getAttribute("data-test"))
                    .toList();
            assertThat(links).as(role.getKey().name()).containsExactlyInAnyOrderElementsOf(role.getValue());
            for (WebElement counted : driver.findElements(By.cssSelector(".staff-nav a .badge-count"))) {
                assertThat(counted.getText()).as(role.getKey() + " count").matches("\\d+");
            }
        }
    }

    @Test
    void onAPhoneTheMenuOpensAndNoPageIsWiderThanTheScreen() {
        WebDriver driver = browser.driver();
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(base() + "/");
        WebElement toggle = driver.findElement(By.cssSelector("[data-menu-toggle]"));
        WebElement contact = driver.findElement(By.cssSelector("[data-test=contact-link]"));
        assertThat(contact.isDisplayed()).as("menu closed").isFalse();
        toggle.click();
        assertThat(contact.isDisplayed()).as("menu open").isTrue();
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        driver.navigate().refresh();
        long headerHeight = ((Number) ((JavascriptExecutor) driver)
                        .executeScript("return document.querySelector('.site-header').offsetHeight"))
                .longValue();
        assertThat(headerHeight).as("header height at 844 px").isLessThan(844 / 8);

        List<String> tooWide = new ArrayList<>();
        checkWidths(driver, "anonymous", PUBLIC_PAGES, tooWide);
        String reference = submitRequest(driver);
        for (Map.Entry<Role, List<String>> role : rolePages(reference).entrySet()) {
            signIn(driver, account(role.getKey()));
            List<String> pages = new ArrayList<>(role.getValue());
            pages.addAll(List.of("/", "/articles/markdown-formatting-guide", "/search?q=password", "/contact"));
            checkWidths(driver, role.getKey().name(), pages, tooWide);
        }
        assertThat(tooWide).as("pages wider than a 390 px screen").isEmpty();
    }

    @Test
    void axeFindsNoViolationsOnAnyPageForAnyRoleWithTheMenusOpen() {
        WebDriver driver = browser.driver();
        driver.manage().deleteAllCookies();
        List<String> problems = new ArrayList<>();
        for (String path : PUBLIC_PAGES) {
            axe(driver, "anonymous", path, problems);
        }
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(base() + "/articles/markdown-formatting-guide");
        driver.findElement(By.cssSelector("[data-menu-toggle]")).click();
        driver.findElement(By.cssSelector("[data-test=toc-compact] summary")).click();
        check(driver, "anonymous, phone, menu and contents open", problems);
        driver.manage().window().setSize(new Dimension(1280, 1024));
        String reference = submitRequest(driver);
        for (Map.Entry<Role, List<String>> role : rolePages(reference).entrySet()) {
            signIn(driver, account(role.getKey()));
            driver.get(base() + "/");
            driver.findElement(By.cssSelector("[data-test=profile-menu]")).click();
            check(driver, role.getKey() + " / with the profile menu open", problems);
            for (String path : role.getValue()) {
                axe(driver, role.getKey().name(), path, problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Map<Role, List<String>> rolePages(String reference) {
        return Map.of(
                Role.MEMBER,
                List.of("/requests", "/account", "/community/notifications", "/community/ask"),
                Role.AGENT,
                List.of("/agent/cases", "/agent/cases?view=all", "/agent/cases/" + reference),
                Role.EDITOR,
                List.of("/editor/review", "/editor/articles/reset-password"),
                Role.MODERATOR,
                List.of("/moderation/community", "/moderation/community/log"),
                Role.ADMIN,
                List.of(
                        "/admin",
                        "/admin/users",
                        "/admin/search",
                        "/admin/outbox",
                        "/admin/content",
                        "/admin/community/topics"));
    }

    /** Checks a page the role can open: an error page or a redirect to sign-in would pass axe and prove nothing. */
    private void axe(WebDriver driver, String who, String path, List<String> problems) {
        driver.get(base() + path);
        Object status = ((JavascriptExecutor) driver)
                .executeScript("return performance.getEntriesByType('navigation')[0].responseStatus");
        long expected = path.equals(MISSING_PAGE) ? 404 : 200;
        boolean sentToSignIn = !path.equals("/login") && driver.getCurrentUrl().contains("/login");
        if (!Long.valueOf(expected).equals(status) || sentToSignIn) {
            problems.add(who + " " + path + ": answered " + status + " at " + driver.getCurrentUrl());
            return;
        }
        check(driver, who + " " + path, problems);
    }

    private static void check(WebDriver driver, String what, List<String> problems) {
        try {
            Axe.assertNoViolations(driver, what);
        } catch (AssertionError e) {
            problems.add(e.getMessage());
        }
    }

    private void checkWidths(WebDriver driver, String who, List<String> paths, List<String> tooWide) {
        for (String path : paths) {
            driver.get(base() + path);
            Map<?, ?> size = (Map<?, ?>) ((JavascriptExecutor) driver)
                    .executeScript("return {doc: document.documentElement.scrollWidth, view: window.innerWidth,"
                            + " status: document.title}");
            long doc = ((Number) size.get("doc")).longValue();
            long view = ((Number) size.get("view")).longValue();
            if (doc > view) {
                tooWide.add(who + " " + path + ": " + doc + " > " + view + " (" + size.get("status") + ")");
            }
        }
    }

    @Test
    void requestsSentBeforeSigningInAppearInMyRequests() {
        WebDriver driver = browser.driver();
        String reference = submitRequest(driver, "Early.Bird@example.org");
        signIn(driver, accounts.account("early.bird@example.org", "Early Bird"));
        driver.get(base() + "/requests");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(reference);
        driver.findElement(By.partialLinkText(reference)).click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains(reference);

        signIn(driver, accounts.account("someone.else@example.org", "Someone Else"));
        driver.get(base() + "/requests");
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain(reference);
        driver.get(base() + "/requests/" + reference);
        assertThat(driver.findElement(By.tagName("h1")).getText()).doesNotContain(reference);
    }

    private String submitRequest(WebDriver driver) {
        return submitRequest(driver, "phone.visitor@example.org");
    }

    /** Sends a request through the contact form as a visitor; returns its reference. */
    private String submitRequest(WebDriver driver, String email) {
        driver.manage().deleteAllCookies();
        driver.get(base() + "/contact");
        driver.findElement(By.id("subject")).sendKeys("Phone layout check: the export button does nothing");
        driver.findElement(By.id("description")).sendKeys("Clicking export on the reports page shows no file.");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.cssSelector("button[value=submit]")).click();
        // the click only starts the navigation: wait for the confirmation page, not the form still on screen
        Pattern reference = Pattern.compile("[A-Z]+-\\d+");
        return Browser.patientWait(driver, Duration.ofSeconds(30))
                .withMessage("a request reference on the page after sending the contact form")
                // while the next page loads, the form's main element can vanish between finding and reading it
                // (Chromium: "Node with given id does not belong to the document"): look again
                .ignoring(WebDriverException.class)
                .until(d -> {
                    Matcher found =
                            reference.matcher(d.findElement(By.tagName("main")).getText());
                    return found.find() ? found.group() : null;
                });
    }

    private UserAccount account(Role role) {
        String name = role.name().toLowerCase(Locale.ROOT);
        return role == Role.MEMBER
                ? accounts.account("journeys." + name + "@answerloop.test", "Journeys Member")
                : accounts.account("journeys." + name + "@answerloop.test", "Journeys " + name, role);
    }

    private void signIn(WebDriver driver, UserAccount account) {
        driver.manage().deleteAllCookies();
        driver.get(base() + "/login");
        driver.findElement(By.name("username")).sendKeys(account.email());
        driver.findElement(By.name("password")).sendKeys("not-used-" + account.email());
        driver.findElement(By.name("password")).submit();
        Browser.patientWait(driver).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    @Test
    void everyPageHasASiteIconThatLoads() throws Exception {
        WebDriver driver = browser.driver();
        driver.get(base() + "/");
        String icon = driver.findElement(By.cssSelector("link[rel=icon]")).getAttribute("href");
        java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/favicon.ico"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon).endsWith("/favicon.ico");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith(0, 0, 1, 0); // an ICO header
    }

    @Test
    void contactSuggestionsWhileTypingSayWhatKindOfAnswerTheyAre() {
        WebDriver driver = browser.driver();
        driver.manage().deleteAllCookies();
        driver.get(base() + "/contact");
        driver.findElement(By.id("subject")).sendKeys("How do I reset my password");
        List<WebElement> items = Browser.patientWait(driver).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#suggestions .suggestion-list li"));
            return found.isEmpty() ? null : found;
        });
        for (WebElement item : items) {
            String label = item.findElement(By.cssSelector(".muted")).getText().strip();
            assertThat(label).isIn("Article", "Community answer");
            assertThat(item.getText()).doesNotContain("undefined");
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
