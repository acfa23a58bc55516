package com.answerloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.support.Browser;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * axe-core finds no WCAG 2.0/2.1 A and AA violations on the public pages, with the shipped
 * knowledge base. Each check first asserts the page shows what it is meant to, so an empty or
 * error page cannot pass by having nothing to check.
 */
@ShippedContentPortal
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessibilityIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    private String base() {
        return "http://localhost:" + port;
    }

    private WebDriver driver() {
        return browser.driver();
    }

    @Test
    @Order(1)
    void home() {
        HomePage home = HomePage.open(driver(), base());
        assertThat(home.categoryTitles()).isNotEmpty();
        Axe.assertNoViolations(driver(), "home");
    }

    @Test
    @Order(2)
    void allCategories() {
        CategoryPage page = CategoryPage.open(driver(), base(), "");
        assertThat(page.links()).isNotEmpty();
        Axe.assertNoViolations(driver(), "all categories");
    }

    @Test
    @Order(3)
    void category() {
        CategoryPage page = CategoryPage.open(driver(), base(), "operators");
        assertThat(page.title()).isEqualTo("Operators");
        assertThat(page.articleLinks()).isNotEmpty();
        Axe.assertNoViolations(driver(), "category page");
    }

    @Test
    @Order(4)
    void section() {
        CategoryPage page = CategoryPage.open(driver(), base(), "operators/configuration");
        assertThat(page.articleLinks()).isNotEmpty();
        Axe.assertNoViolations(driver(), "section page");
    }

    @Test
    @Order(5)
    void articleWithTableOfContentsTableAndCode() {
        ArticlePage article = ArticlePage.open(driver(), base(), "markdown-formatting-guide");
        assertThat(article.hasTableOfContents()).as("table of contents").isTrue();
        assertThat(article.hasTable()).as("table").isTrue();
        assertThat(article.hasCodeBlock()).as("code block").isTrue();
        assertThat(article.helpfulCount()).isPresent();
        Axe.assertNoViolations(driver(), "article page");
    }

    @Test
    @Order(6)
    void notFound() {
        ErrorPage page = ErrorPage.open(driver(), base(), "/no-such-page");
        assertThat(page.hasSiteLayout()).isTrue();
        assertThat(page.message()).isNotBlank();
        Axe.assertNoViolations(driver(), "404 page");
    }

    @Test
    @Order(7)
    void articleNotFound() {
        ErrorPage page = ErrorPage.open(driver(), base(), "/articles/no-such-article");
        assertThat(page.message()).contains("couldn't find that article");
        Axe.assertNoViolations(driver(), "404 page of an article");
    }

    @Test
    @Order(8)
    void zeroResultSearch() {
        SearchResultsPage page = SearchResultsPage.open(driver(), base(), "qqxzvbnw");
        assertThat(page.query()).as("the search page echoes the query").isEqualTo("qqxzvbnw");
        assertThat(page.hitLinks()).isEmpty();
        Axe.assertNoViolations(driver(), "zero-result search page");
    }

    @Test
    @Order(9)
    void searchResults() {
        SearchResultsPage page = SearchResultsPage.open(driver(), base(), "password");
        assertThat(page.query()).isEqualTo("password");
        assertThat(page.hitLinks()).isNotEmpty();
        Axe.assertNoViolations(driver(), "search results page");
    }
}
