package com.answerloop.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Real-browser XSS checks shared by the corpus tests: {@code alert}, {@code confirm}, {@code prompt} and {@code print}
 * replaced by counters before any page script runs (per document, and in sessionStorage across a visit), a probe of
 * the rendered page for anything that could run script (inline scripts, event handler attributes, active elements,
 * {@code javascript:} URLs), and positive controls proving the counters catch script that does run.
 */
public final class XssProbe {

    /** Counts calls in the page (for this document) and in sessionStorage (across the visit). */
    public static final String DIALOG_HOOK = """
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

    /**
     * What a page shows of the hook and of elements that could run script, merged with the object the caller's
     * {@code extra} script body returns (page-specific fields, read in the same round trip).
     */
    private static final String INSPECT = """
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
                + ' main base, main meta, main link, main style, [href^="javascript" i], [src^="javascript" i],'
                + ' [action^="javascript" i], [formaction^="javascript" i]'))
                .map(el => el.outerHTML.slice(0, 200));
            const nav = performance.getEntriesByType('navigation')[0];
            const base = {
              calls: window.__xssCalls === undefined ? null : window.__xssCalls,
              handlers: handlers,
              scripts: scripts,
              dangerous: dangerous,
              server: nav ? Math.round(nav.responseEnd - nav.requestStart) : 0,
              mainText: (() => {
                const main = document.querySelector('main');
                return main === null ? '' : main.innerText;
              })()
            };
            const extra = (() => { %s })();
            return Object.assign(base, extra || {});
            """;

    private XssProbe() {}

    /**
     * Every line of the corpus, exactly as in the file: {@code testdata/security/xss-payloads.txt} in the
     * repository, or the file named by system property {@code answerloop.xss-payloads} or environment variable
     * {@code ANSWERLOOP_XSS_PAYLOADS}.
     */
    public static List<String> corpus() {
        String configured = System.getProperty("answerloop.xss-payloads", System.getenv("ANSWERLOOP_XSS_PAYLOADS"));
        Path file = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Content.testData("security/xss-payloads.txt");
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Installs the dialog hook for every document the browser opens from now on; the pages' CSP stays in force. */
    public static void install(ChromeDriver driver) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", DIALOG_HOOK));
    }

    /** The dialog calls the current document recorded (null when the hook is not installed there). */
    @SuppressWarnings("unchecked")
    public static List<String> calls(ChromeDriver driver) {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("return window.__xssCalls;");
    }

    /** Starts a visit: forgets the calls counted on the current origin so far. */
    public static void startVisit(ChromeDriver driver) {
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear();");
    }

    /**
     * Adds to {@code failures} if any document of the origin called a dialog function since {@link #startVisit}
     * (catches script that runs on one page and navigates away before it is inspected).
     */
    public static void checkVisit(ChromeDriver driver, String what, List<String> failures) {
        JavascriptExecutor js = driver;
        Object total = js.executeScript("return sessionStorage.getItem('xss-calls');");
        Object last = js.executeScript("return sessionStorage.getItem('xss-last-call');");
        if (total != null) {
            failures.add("dialog functions were called " + total + " time(s) during " + what + ", last: " + last);
        }
    }

    /** Inspects the current page, see {@link #checkInert(ChromeDriver, String, List, String)}. */
    public static Map<String, Object> checkInert(ChromeDriver driver, String where, List<String> failures) {
        return checkInert(driver, where, failures, "return {};");
    }

    /**
     * Inspects the current page and adds to {@code failures} (prefixed with {@code where}) every dialog call, event
     * handler attribute, active element, script URL and script that is not the portal's own static script or its
     * JSON-LD block. Returns what the page shows: {@code calls, handlers, scripts, dangerous, server, mainText} and the
     * fields the {@code extra} script body returns.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> checkInert(
            ChromeDriver driver, String where, List<String> failures, String extra) {
        Map<String, Object> page =
                (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(INSPECT.formatted(extra));
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

    /** Positive control: script in a page that is not the portal's is caught by the hook. */
    public static void assertHookCatchesScriptInADataUrl(ChromeDriver driver) {
        driver.get("data:text/html,<title>control</title><script>alert(1)</script>"
                + "<img src=x onerror=prompt(2)><p>control</p>");
        Browser.patientWait(driver).until(d -> calls(driver).size() >= 2);
        assertThat(calls(driver))
                .anyMatch(call -> call.startsWith("alert(1)"))
                .anyMatch(call -> call.startsWith("prompt(2)"));
    }

    /**
     * Positive control on the portal page the browser shows, now that every page carries a Content-Security-Policy
     * without inline script: the hook is installed and has seen no call; the same payloads the portal renders inert,
     * inserted as raw HTML, are stopped by the policy (the browser reports violations and no dialog function is
     * called); and script that does run on the page (run by the driver, which the policy does not govern) is caught
     * by the counters, per page and per visit. Clears the visit counter afterwards.
     */
    public static void assertHookCatchesPayloadsInjectedRaw(ChromeDriver driver, List<String> payloads) {
        assertThat(calls(driver))
                .as("hook installed on portal pages, no calls yet")
                .isEmpty();
        JavascriptExecutor js = driver;
        js.executeScript(
                "window.__cspViolations = [];"
                        + "document.addEventListener('securitypolicyviolation',"
                        + " e => window.__cspViolations.push(e.violatedDirective));"
                        + "const box = document.createElement('div');"
                        + "box.innerHTML = arguments[0];"
                        + "document.querySelector('main').appendChild(box);",
                String.join("\n", payloads));
        Browser.patientWait(driver)
                .until(d -> !((List<?>) js.executeScript("return window.__cspViolations;")).isEmpty());
        assertThat(calls(driver))
                .as("raw payloads on a portal page are stopped by its Content-Security-Policy")
                .isEmpty();

        js.executeScript("alert('control: script that runs');");
        assertThat(calls(driver)).anyMatch(call -> call.startsWith("alert(control: script that runs)"));
        List<String> failures = new ArrayList<>();
        checkVisit(driver, "the control", failures);
        assertThat(failures).as("visit counter").isNotEmpty();
        startVisit(driver);
    }

    /** Fails with the first failures (and their count) if there are any. */
    public static void assertNone(List<String> failures, String over) {
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " XSS failure(s) over " + over + "; the first ones:\n"
                    + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
        }
    }
}
