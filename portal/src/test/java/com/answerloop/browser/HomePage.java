package com.answerloop.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The help center's front page: the big search box and the topics. */
final class HomePage extends Pages {

    private HomePage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    static HomePage open(WebDriver driver, String baseUrl) {
        driver.get(baseUrl + "/");
        return new HomePage(driver, baseUrl);
    }

    /** Types into the search box of the page body (not the header) and submits with its button. */
    SearchResultsPage search(String query) {
        WebElement form = main().findElement(By.cssSelector("form[role=search]"));
        WebElement box = form.findElement(By.cssSelector("input[name=q]"));
        box.clear();
        box.sendKeys(query);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlContains("/search"));
        return new SearchResultsPage(driver, baseUrl);
    }

    List<String> categoryTitles() {
        return main().findElements(By.cssSelector(".card h2 a")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
