package com.answerloop.browser;

import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** {@code /articles/{slug}}: title, body, table of contents and the "Was this helpful?" form. */
final class ArticlePage extends Pages {

    ArticlePage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    static ArticlePage open(WebDriver driver, String baseUrl, String slug) {
        driver.get(baseUrl + "/articles/" + slug);
        return new ArticlePage(driver, baseUrl);
    }

    /** The slug from the address bar (after redirects such as a search click-through). */
    String slug() {
        String path = currentPath();
        int start = path.indexOf("/articles/") + "/articles/".length();
        int end = start;
        while (end < path.length() && "?#/".indexOf(path.charAt(end)) < 0) {
            end++;
        }
        return path.substring(start, end);
    }

    String title() {
        return heading();
    }

    WebElement body() {
        return driver.findElement(By.cssSelector("main .article-body"));
    }

    /** The text content of each code block in the body, in document order. */
    List<String> codeBlocks() {
        return body().findElements(By.cssSelector("pre > code")).stream()
                .map(code -> code.getDomProperty("textContent"))
                .toList();
    }

    boolean hasTableOfContents() {
        return !driver.findElements(By.cssSelector("main nav.toc li a")).isEmpty();
    }

    boolean hasTable() {
        return !body().findElements(By.tagName("table")).isEmpty();
    }

    boolean hasCodeBlock() {
        return !body().findElements(By.cssSelector("pre > code")).isEmpty();
    }

    /** Clicks "Yes" under "Was this article helpful?" and waits for the page after the vote. */
    ArticlePage voteYes() {
        return vote("yes");
    }

    ArticlePage voteNo() {
        return vote("no");
    }

    private ArticlePage vote(String value) {
        WebElement button = driver.findElement(By.cssSelector("#feedback button[name=helpful][value=" + value + "]"));
        button.click();
        waiting().until(ExpectedConditions.urlContains("feedback=" + ("yes".equals(value) ? "thanks" : "sorry")));
        return this;
    }

    /** The links offered after a "No" vote (contact support, my requests...), by their text. */
    java.util.List<String> linksAfterNoVote() {
        return driver.findElements(By.cssSelector("[data-test=after-no-vote] a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    Optional<String> thanksMessage() {
        return driver.findElements(By.cssSelector("[data-test=feedback-thanks]")).stream()
                .map(WebElement::getText)
                .findFirst();
    }

    /** "N of M found this helpful", shown with the voting form. */
    Optional<String> helpfulCount() {
        return driver.findElements(By.cssSelector("#feedback .count")).stream()
                .map(WebElement::getText)
                .findFirst();
    }
}
