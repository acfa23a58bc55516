package com.answerloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.ImportResult;
import com.answerloop.support.Browser;
import com.answerloop.support.XssProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Every line of the shared XSS corpus goes through the real path (kb-content file, import at
 * startup, Markdown rendering, sanitizing, Thymeleaf page) and is opened in Chromium with
 * {@code alert}, {@code confirm}, {@code prompt} and {@code print} replaced by counters installed
 * before any page script runs. No payload may call them, and every payload must still be shown as
 * text. Positive controls prove the counters catch script that does run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = XssCorpus.Content.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class XssCorpusIT {

    /** The article page's own fields, read with {@link XssProbe}'s checks of the page. */
    static final String ARTICLE_FIELDS = """
            const text = selector => {
              const el = document.querySelector(selector);
              return el === null ? null : el.textContent;
            };
            const attr = (selector, name) => {
              const el = document.querySelector(selector);
              return el === null ? null : el.getAttribute(name);
            };
            let headline = null;
            const ld = document.getElementById('structured-data');
            if (ld !== null) {
              try {
                headline = JSON.parse(ld.textContent).headline;
              } catch (e) {
                headline = 'unparseable JSON-LD: ' + e;
              }
            }
            return {
              h1: text('main h1'),
              ogTitle: attr('meta[property="og:title"]', 'content'),
              description: attr('meta[name="description"]', 'content'),
              headline: headline,
              code: Array.from(document.querySelectorAll('main .article-body > pre > code')).map(c => c.textContent),
              resources: performance.getEntriesByType('resource').map(r => r.name + ' ' + Math.round(r.duration)),
              listed: Array.from(document.querySelectorAll('main a[href*="/articles/"]')).map(a => a.textContent.trim())
            };
            """;

    @RegisterExtension
    static final Browser browser = new Browser();

    static List<String> payloads;
    static List<XssCorpus.Article> articles;

    @LocalServerPort
    int port;

    @Autowired
    ArticleManagement management;

    @BeforeAll
    static void hookDialogs() {
        payloads = XssCorpus.payloads();
        articles = XssCorpus.articles(payloads);
        XssProbe.install(browser.driver());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private ChromeDriver driver() {
        return browser.driver();
    }

    @Test
    @Order(1)
    void detectorCatchesScriptInADataUrl() {
        XssProbe.assertHookCatchesScriptInADataUrl(driver());
    }

    @Test
    @Order(2)
    void detectorCatchesCorpusPayloadsInjectedUnsanitizedIntoAPortalPage() {
        XssCorpus.Article first = articles.getFirst();
        ArticlePage.open(driver(), base(), first.slug());
        XssProbe.assertHookCatchesPayloadsInjectedRaw(driver(), first.payloads());
    }

    @Test
    @Order(3)
    void everyPayloadIsImported() {
        ImportResult result = management.lastImport().orElseThrow();
        assertThat(result.problems()).as("import problems").isEmpty();
        assertThat(result.created() + result.unchanged()).isEqualTo(articles.size());
        long titles = articles.stream().filter(a -> a.title().isPresent()).count();
        long notTitleUsable = payloads.stream()
                .filter(p -> !XssCorpus.usable(p, XssCorpus.MAX_TITLE))
                .count();
        System.out.printf(
                "XSS corpus: %d payloads in %d articles; %d payloads used as titles, %d as summaries;"
                        + " %d payloads too long or blank to be a title (tested in the body only)%n",
                payloads.size(),
                articles.size(),
                titles,
                articles.stream().filter(a -> a.summary().isPresent()).count(),
                notTitleUsable);
    }

    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void noPayloadRunsAndEveryPayloadIsShownAsText() {
        ((JavascriptExecutor) driver()).executeScript("void 0"); // session alive
        driver().get(base() + "/");
        XssProbe.startVisit(driver());
        List<String> failures = new ArrayList<>();

        long loading = 0;
        long inspecting = 0;
        long serving = 0;
        for (XssCorpus.Article article : articles) {
            long start = System.nanoTime();
            driver().get(base() + "/articles/" + article.slug());
            long loaded = System.nanoTime();
            String where = article.slug() + ": ";
            Map<String, Object> page = XssProbe.checkInert(driver(), where, failures, ARTICLE_FIELDS);
            loading += loaded - start;
            serving += ((Number) page.get("server")).longValue();
            if (article == articles.getFirst()) {
                System.out.println("XSS corpus: resources of the first page: " + page.get("resources"));
            }
            inspecting += System.nanoTime() - loaded;

            String title = article.expectedTitle();
            expectEqual(failures, where + "<h1>", title, page.get("h1"));
            expectEqual(failures, where + "og:title", title, page.get("ogTitle"));
            expectEqual(failures, where + "JSON-LD headline", title, page.get("headline"));
            article.summary()
                    .ifPresent(summary -> expectEqual(
                            failures, where + "meta description", summary.strip(), page.get("description")));

            List<String> code = (List<String>) page.get("code");
            List<String> payloadsHere = article.payloads();
            for (int i = 0; i < payloadsHere.size(); i++) {
                expectEqual(
                        failures,
                        where + "code block " + (i + 1),
                        payloadsHere.get(i) + "\n",
                        i < code.size() ? code.get(i) : null);
            }
        }

        System.out.printf(
                "XSS corpus: %d article pages loaded in %d ms (server %d ms), inspected in %d ms%n",
                articles.size(), loading / 1_000_000, serving, inspecting / 1_000_000);
        driver().get(base() + "/categories/" + XssCorpus.FOLDER);
        Map<String, Object> category = XssProbe.checkInert(driver(), "category page: ", failures, ARTICLE_FIELDS);
        expectEqual(
                failures, "category page <h1>", XssCorpus.folderTitle(payloads).strip(), category.get("h1"));
        List<String> listed = (List<String>) category.get("listed");
        for (XssCorpus.Article article : articles) {
            if (!listed.contains(article.expectedTitle())) {
                failures.add("category page: title [" + article.expectedTitle() + "] not listed");
            }
        }
        HomePage.open(driver(), base());
        XssProbe.checkInert(driver(), "home page: ", failures);

        XssProbe.checkVisit(driver(), "the visit", failures);
        XssProbe.assertNone(failures, payloads.size() + " payloads on " + (articles.size() + 2) + " pages");
    }

    /**
     * The payloads used as titles, typed as search queries: the results page echoes the query and
     * shows highlighted snippets of the matching (hostile) articles, and none of it may run.
     */
    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void payloadsAsSearchQueriesStayInert() {
        driver().get(base() + "/");
        XssProbe.startVisit(driver());
        List<String> failures = new ArrayList<>();
        List<String> queries =
                articles.stream().flatMap(article -> article.title().stream()).toList();
        for (String query : queries) {
            SearchResultsPage page = SearchResultsPage.open(driver(), base(), query);
            String where = "search [" + query + "]: ";
            Map<String, Object> inspected = XssProbe.checkInert(driver(), where, failures, ARTICLE_FIELDS);
            List<WebElement> boxes = driver().findElements(By.cssSelector("main form[role=search] input[name=q]"));
            if (boxes.isEmpty() || !query.strip().equals(page.query().strip())) {
                failures.add(where + "not a search page with the query in its search box: " + inspected.get("h1"));
            }
        }
        XssProbe.checkVisit(driver(), "the searches", failures);
        XssProbe.assertNone(failures, queries.size() + " search queries");
    }

    private static void expectEqual(List<String> failures, String what, String expected, Object actual) {
        if (!expected.equals(actual)) {
            failures.add(what + " is [" + actual + "], expected [" + expected + "]");
        }
    }
}
