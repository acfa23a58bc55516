package com.answerloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.ImportResult;
import com.answerloop.support.Browser;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.WebDriverWait;
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

    /** Counts calls in the page (for this document) and in sessionStorage (across the visit). */
    static final String DIALOG_HOOK = """
            (() => {
              window.__xssCalls = [];
              const record = (kind, args) => {
                const call = kind + '(' + String(args[0]).slice(0, 120) + ') at ' + location.href;
                window.__xssCalls.push(call);
                try {
                  const total = Number(sessionStorage.getItem('xss-calls') || '0') + 1;
                  sessionStorage.setItem('xss-calls', String(total));
                  sessionStorage.setItem('xss-last-call', call);
                } catch (e) {
                  // opaque origins (data: URLs) have no sessionStorage
                }
              };
              for (const kind of ['alert', 'confirm', 'prompt', 'print']) {
                window[kind] = function (...args) {
                  record(kind, args);
                  return kind === 'confirm' ? false : null;
                };
              }
            })();
            """;

    /** What a page shows of the hook and of elements that could run script. */
    static final String INSPECT = """
            const handlers = [];
            for (const el of document.querySelectorAll('*')) {
              for (const attr of el.attributes) {
                if (attr.name.toLowerCase().startsWith('on')) {
                  handlers.push(el.tagName + '[' + attr.name + ']');
                }
              }
            }
            const scripts = Array.from(document.scripts).map(s =>
                s.src ? 'src:' + new URL(s.src).pathname : 'inline:' + (s.type || '') + '#' + s.id);
            const dangerous = Array.from(document.querySelectorAll(
                'main iframe, main frame, main object, main embed, main svg, main math, main form[action^="javascript" i],'
                + ' main base, main meta, main link, main style, a[href^="javascript" i], [src^="javascript" i]'))
                .map(el => el.outerHTML.slice(0, 200));
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
              calls: window.__xssCalls === undefined ? null : window.__xssCalls,
              handlers: handlers,
              scripts: scripts,
              dangerous: dangerous,
              h1: text('main h1'),
              ogTitle: attr('meta[property="og:title"]', 'content'),
              description: attr('meta[name="description"]', 'content'),
              headline: headline,
              code: Array.from(document.querySelectorAll('main .article-body > pre > code')).map(c => c.textContent),
              server: (() => {
                const nav = performance.getEntriesByType('navigation')[0];
                return nav ? Math.round(nav.responseEnd - nav.requestStart) : 0;
              })(),
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
        browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", DIALOG_HOOK));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private ChromeDriver driver() {
        return browser.driver();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> inspect() {
        return (Map<String, Object>) ((JavascriptExecutor) driver()).executeScript(INSPECT);
    }

    @SuppressWarnings("unchecked")
    private List<String> calls() {
        return (List<String>) ((JavascriptExecutor) driver()).executeScript("return window.__xssCalls;");
    }

    @Test
    @Order(1)
    void detectorCatchesScriptInADataUrl() {
        driver().get("data:text/html,<title>control</title><script>alert(1)</script>"
                + "<img src=x onerror=prompt(2)><p>control</p>");
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> calls().size() >= 2);
        assertThat(calls())
                .anyMatch(call -> call.startsWith("alert(1)"))
                .anyMatch(call -> call.startsWith("prompt(2)"));
    }

    @Test
    @Order(2)
    void detectorCatchesCorpusPayloadsInjectedUnsanitizedIntoAPortalPage() {
        XssCorpus.Article first = articles.getFirst();
        ArticlePage.open(driver(), base(), first.slug());
        assertThat(calls()).as("hook installed on portal pages, no calls yet").isEmpty();
        // The same payloads the portal renders inert, inserted as raw HTML, do run script.
        ((JavascriptExecutor) driver())
                .executeScript(
                        "const box = document.createElement('div');"
                                + "box.innerHTML = arguments[0];"
                                + "document.querySelector('main').appendChild(box);",
                        String.join("\n", first.payloads()));
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> !calls().isEmpty());
        assertThat(calls()).isNotEmpty();
        Object total = ((JavascriptExecutor) driver()).executeScript("return sessionStorage.getItem('xss-calls');");
        assertThat(Integer.parseInt(String.valueOf(total))).isPositive();
        ((JavascriptExecutor) driver()).executeScript("sessionStorage.clear();");
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
        ((JavascriptExecutor) driver()).executeScript("sessionStorage.clear();");
        List<String> failures = new ArrayList<>();

        long loading = 0;
        long inspecting = 0;
        long serving = 0;
        for (XssCorpus.Article article : articles) {
            long start = System.nanoTime();
            driver().get(base() + "/articles/" + article.slug());
            long loaded = System.nanoTime();
            String where = article.slug() + ": ";
            Map<String, Object> page = checkInert(where, failures);
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
        Map<String, Object> category = checkInert("category page: ", failures);
        expectEqual(
                failures, "category page <h1>", XssCorpus.folderTitle(payloads).strip(), category.get("h1"));
        List<String> listed = (List<String>) category.get("listed");
        for (XssCorpus.Article article : articles) {
            if (!listed.contains(article.expectedTitle())) {
                failures.add("category page: title [" + article.expectedTitle() + "] not listed");
            }
        }
        HomePage.open(driver(), base());
        checkInert("home page: ", failures);

        Object total = ((JavascriptExecutor) driver()).executeScript("return sessionStorage.getItem('xss-calls');");
        Object last = ((JavascriptExecutor) driver()).executeScript("return sessionStorage.getItem('xss-last-call');");
        if (total != null) {
            failures.add("dialog functions were called " + total + " time(s) during the visit, last: " + last);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " XSS corpus failure(s) over " + payloads.size()
                    + " payloads on "
                    + (articles.size() + 2) + " pages; the first ones:\n"
                    + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
        }
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
        ((JavascriptExecutor) driver()).executeScript("sessionStorage.clear();");
        List<String> failures = new ArrayList<>();
        List<String> queries =
                articles.stream().flatMap(article -> article.title().stream()).toList();
        for (String query : queries) {
            SearchResultsPage page = SearchResultsPage.open(driver(), base(), query);
            String where = "search [" + query + "]: ";
            Map<String, Object> inspected = checkInert(where, failures);
            List<WebElement> boxes = driver().findElements(By.cssSelector("main form[role=search] input[name=q]"));
            if (boxes.isEmpty() || !query.strip().equals(page.query().strip())) {
                failures.add(where + "not a search page with the query in its search box: " + inspected.get("h1"));
            }
        }
        Object total = ((JavascriptExecutor) driver()).executeScript("return sessionStorage.getItem('xss-calls');");
        if (total != null) {
            failures.add("dialog functions were called " + total + " time(s) during the searches");
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " failure(s) over " + queries.size() + " search queries:\n"
                    + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
        }
    }

    private static void expectEqual(List<String> failures, String what, String expected, Object actual) {
        if (!expected.equals(actual)) {
            failures.add(what + " is [" + actual + "], expected [" + expected + "]");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> checkInert(String where, List<String> failures) {
        Map<String, Object> page = inspect();
        List<String> calls = (List<String>) page.get("calls");
        if (calls == null) {
            failures.add(where + "the dialog hook is not installed");
        } else if (!calls.isEmpty()) {
            failures.add(where + "script ran: " + calls);
        }
        List<String> handlers = (List<String>) page.get("handlers");
        if (!handlers.isEmpty()) {
            failures.add(where + "event handler attributes in the page: " + handlers);
        }
        List<String> dangerous = (List<String>) page.get("dangerous");
        if (!dangerous.isEmpty()) {
            failures.add(where + "active elements in the page: " + dangerous);
        }
        List<String> scripts = (List<String>) page.get("scripts");
        // Only the portal's own static scripts and its one JSON-LD block; nothing inline that runs.
        boolean onlyOurs = scripts.stream()
                .allMatch(script -> script.matches("src:/js/[a-z-]+\\.js")
                        || script.equals("inline:application/ld+json#structured-data"));
        if (!onlyOurs || scripts.size() != scripts.stream().distinct().count()) {
            failures.add(where + "unexpected <script> elements: " + scripts);
        }
        return page;
    }
}
