package com.answerloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.accounts.Role;
import com.answerloop.accounts.TestAccounts;
import com.answerloop.knowledge.EditorialManagement;
import com.answerloop.support.Browser;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * An editor chooses the home page's promoted articles on the article's editor page, not only in its file's front
 * matter (issue 13: "until there is traffic, show an editor-chosen promoted list").
 */
@ShippedContentPortal
@Import(TestAccounts.class)
class EditorPromotionIT {

    private static final String PROMOTED_IN_ITS_FILE = "search-tips";
    private static final String PROMOTED_ON_THE_WEB = "rate-articles";

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    EditorialManagement editorial;

    @AfterEach
    void asShipped() {
        editorial.promote(PROMOTED_IN_ITS_FILE, true, "test");
        editorial.promote(PROMOTED_ON_THE_WEB, false, "test");
    }

    @Test
    void anEditorPromotesAnArticleOnItsEditorPageAndCustomersSeeItOnTheHomePage() {
        WebDriver driver = browser.driver();
        driver.manage().deleteAllCookies();
        driver.get(base() + "/");
        assertThat(popular(driver))
                .contains("Search tips: phrases, exclusions and filters")
                .doesNotContain("Rate articles and leave feedback");

        BrowserSession.signIn(
                driver, base(), accounts.account("promoting.editor@answerloop.test", "Promoting Editor", Role.EDITOR));
        setPromoted(driver, PROMOTED_ON_THE_WEB, true, "Promoted: listed on the home page");
        assertThat(driver.findElement(By.id("promoted")).isSelected()).isTrue();
        setPromoted(driver, PROMOTED_IN_ITS_FILE, false, "No longer promoted");
        assertThat(driver.findElement(By.id("promoted")).isSelected()).isFalse();

        driver.manage().deleteAllCookies();
        driver.get(base() + "/");
        assertThat(popular(driver))
                .as("the customer's home page after the editor's choice")
                .contains("Rate articles and leave feedback")
                .doesNotContain("Search tips: phrases, exclusions and filters");
    }

    private void setPromoted(WebDriver driver, String slug, boolean promoted, String message) {
        driver.get(base() + "/editor/articles/" + slug);
        WebElement box = driver.findElement(By.id("promoted"));
        if (box.isSelected() != promoted) {
            driver.findElement(By.cssSelector("label[for=promoted]")).click();
        }
        WebElement form = driver.findElement(By.cssSelector("[data-test=promotion]"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        Browser.patientWait(driver)
                .withMessage("the editor page saying: " + message)
                .until(d -> d.findElement(By.tagName("main")).getText().contains(message));
    }

    private static List<String> popular(WebDriver driver) {
        return driver.findElements(By.cssSelector("section[aria-labelledby=popular-title] li a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
