package com.answerloop.browser;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/** Runs axe-core on the page in the browser and fails with every WCAG 2.0/2.1/2.2 A/AA violation it finds
 * (2.2 AA adds target size, which Lighthouse checks too). */
public final class Axe {

    public static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private Axe() {}

    public static void assertNoViolations(WebDriver driver, String page) {
        Results results = new AxeBuilder().withTags(WCAG_A_AA).analyze(driver);
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not check " + page + ": " + results.getErrorMessage());
        }
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " axe-core WCAG A/AA violation(s) on " + page + " ("
                    + driver.getCurrentUrl() + "):\n"
                    + violations.stream().map(Axe::describe).collect(Collectors.joining("\n")));
        }
    }

    private static String describe(Rule rule) {
        String nodes = rule.getNodes().stream().map(Axe::describe).collect(Collectors.joining("\n"));
        return "- " + rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp() + " (" + rule.getHelpUrl() + ")\n"
                + nodes;
    }

    private static String describe(CheckedNode node) {
        String summary = node.getFailureSummary() == null
                ? ""
                : node.getFailureSummary().replace("\n", " ").strip();
        return "    at " + node.getTarget() + ": " + node.getHtml() + "\n      " + summary;
    }
}
