package com.answerloop.browser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** {@code /search?q=}: the hits, each a link to its article. */
final class SearchResultsPage extends Pages {

    /** Hit links, tolerant of the list markup the search page chooses. */
    static final By HIT_LINKS = By.cssSelector("main ol.results a, main ul.results a, main [data-test=search-hit] a");

    SearchResultsPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    static SearchResultsPage open(WebDriver driver, String baseUrl, String query) {
        driver.get(baseUrl + "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        return new SearchResultsPage(driver, baseUrl);
    }

    /** The query in the page's own search box (the search page echoes what was searched). */
    String query() {
        return main().findElement(By.cssSelector("form[role=search] input[name=q]"))
                .getDomProperty("value");
    }

    List<WebElement> hitLinks() {
        return driver.findElements(HIT_LINKS);
    }

    List<String> hitTitles() {
        return hitLinks().stream().map(WebElement::getText).toList();
    }

    /** Opens the first hit the way a reader does: by clicking its link. */
    ArticlePage openFirstHit() {
        List<WebElement> hits = hitLinks();
        if (hits.isEmpty()) {
            throw new AssertionError(
                    "no search hits on " + driver.getCurrentUrl() + "; page says: " + main().getText());
        }
        hits.getFirst().click();
        waiting().until(ExpectedConditions.urlContains("/articles/"));
        return new ArticlePage(driver, baseUrl);
    }
}
