package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.answerloop.support.Browser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Search in a real browser: typeahead by keyboard, facets, "did you mean", and a question that shares no word with its
 * article finding it by meaning on the results page and in the contact form's suggestions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SearchApplicationIT.Articles.class)
class SearchBrowserIT {

    static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    SearchManagement search;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("search-browser");
        registry.add("answerloop.data-dir", dir::toString);
        registry.add("answerloop.content-dir", () -> dir.resolve("no-content").toString());
        registry.add("answerloop.content.import-on-start", () -> "false");
    }

    @RegisterExtension
    static final Browser CHROMIUM = new Browser();

    @BeforeAll
    static void startBrowser() {
        browser = CHROMIUM.driver();
    }

    @BeforeEach
    void indexReady() {
        await().atMost(Duration.ofSeconds(20)).until(() -> !search.isRebuilding() && search.documentCount() >= 4);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private WebDriverWait waiting() {
        return Browser.patientWait(browser);
    }

    @Test
    void typeaheadIsAKeyboardComboBox() {
        browser.get(url("/search"));
        WebElement box = browser.findElement(By.id("search-q"));
        assertThat(box.getAttribute("role")).isEqualTo("combobox");
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");

        box.sendKeys("reset pa");
        WebElement list = browser.findElement(By.id(box.getAttribute("aria-controls")));
        waiting().until(ExpectedConditions.visibilityOf(list));
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
        List<WebElement> options = list.findElements(By.cssSelector("[role=option]"));
        assertThat(options.getFirst().getText()).startsWith("Reset your password");

        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(box.getAttribute("aria-activedescendant"))
                .isEqualTo(options.getFirst().getAttribute("id"));
        assertThat(options.getFirst().getAttribute("aria-selected")).isEqualTo("true");

        box.sendKeys(Keys.ESCAPE);
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(list.isDisplayed()).isFalse();

        box.sendKeys(Keys.ARROW_DOWN);
        waiting().until(ExpectedConditions.visibilityOf(list));
        box.sendKeys(Keys.ARROW_DOWN);
        box.sendKeys(Keys.ENTER);
        waiting().until(ExpectedConditions.urlContains("/articles/reset-password"));
    }

    @Test
    void enterWithoutChoosingSubmitsTheForm() {
        browser.get(url("/search"));
        WebElement box = browser.findElement(By.id("search-q"));
        box.sendKeys("email");
        box.sendKeys(Keys.ENTER);
        waiting().until(ExpectedConditions.urlContains("q=email"));
        assertThat(browser.findElement(By.cssSelector(".result-count")).getText())
                .startsWith("2 results");
    }

    @Test
    void facetsNarrowAndCanBeRemoved() {
        browser.get(url("/search?q=email"));
        assertThat(browser.findElements(By.cssSelector(".results .result"))).hasSize(2);

        browser.findElement(By.xpath("//section[@aria-labelledby='facet-category']//a[contains(., 'operators')]"))
                .click();
        waiting().until(ExpectedConditions.urlContains("category=operators"));
        assertThat(browser.findElements(By.cssSelector(".results .result h3")))
                .extracting(WebElement::getText)
                .containsExactly("Configure the mail server");

        browser.findElement(By.xpath("//section[@aria-labelledby='facet-tag']//a[contains(., 'email')]"))
                .click();
        waiting().until(ExpectedConditions.urlContains("tag=email"));
        assertThat(browser.findElements(By.cssSelector(".active-filters li"))).hasSize(2);

        browser.findElement(By.xpath("//ul[@class='active-filters']//a[contains(., 'Category')]"))
                .click();
        waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("category=")));
        assertThat(browser.findElements(By.cssSelector(".results .result"))).hasSize(2);
    }

    @Test
    void aMisspeltQueryFindsTheArticleAndSaysWhichSpellingItSearched() {
        browser.get(url("/search?q=pasword"));

        assertThat(browser.findElement(By.cssSelector(".did-you-mean")).getText())
                .contains("Showing results for password");
        assertThat(browser.findElement(By.cssSelector(".results .result h3")).getText())
                .isEqualTo("Reset your password");
        assertThat(browser.findElement(By.id("search-q")).getAttribute("value")).isEqualTo("pasword");
    }

    /** No word of it (or of a synonym) is in any article: words alone find nothing, the meaning finds the article. */
    private static final String QUESTION_WITHOUT_SHARED_WORDS = "What do I do if I cannot recall my credentials";

    @Test
    void aQuestionSharingNoWordWithTheArticleFindsItOnTheResultsPage() {
        browser.get(url("/search"));
        WebElement box = browser.findElement(By.id("search-q"));
        box.sendKeys(QUESTION_WITHOUT_SHARED_WORDS);
        box.sendKeys(Keys.ENTER);
        waiting().until(ExpectedConditions.urlContains("q="));

        assertThat(browser.findElements(By.cssSelector(".results .result h3")))
                .extracting(WebElement::getText)
                .first()
                .isEqualTo("Reset your password");
    }

    @Test
    void theContactFormSuggestsTheArticleForAQuestionSharingNoWordWithIt() {
        browser.get(url("/contact"));
        browser.findElement(By.id("subject")).sendKeys(QUESTION_WITHOUT_SHARED_WORDS);

        waiting()
                .until(d -> !d.findElements(By.cssSelector("#suggestions .suggestion-list li"))
                        .isEmpty());
        assertThat(browser.findElements(By.cssSelector("#suggestions .suggestion-list li")))
                .extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).contains("Reset your password"));
    }
}
