package com.answerloop.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** {@code /categories}, {@code /categories/{cat}} and {@code /categories/{cat}/{section}}. */
final class CategoryPage extends Pages {

    private CategoryPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    /** {@code path} below {@code /categories}: empty for the overview, {@code cat} or {@code cat/section}. */
    static CategoryPage open(WebDriver driver, String baseUrl, String path) {
        driver.get(baseUrl + "/categories" + (path.isEmpty() ? "" : "/" + path));
        return new CategoryPage(driver, baseUrl);
    }

    String title() {
        return heading();
    }

    /** Links to the category's (or section's) articles. */
    List<String> articleLinks() {
        return main().findElements(By.cssSelector("a[href*='/articles/']")).stream()
                .map(link -> link.getDomAttribute("href"))
                .toList();
    }

    List<WebElement> links() {
        return main().findElements(By.tagName("a"));
    }
}
