package com.answerloop.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** An error page (404, 500) rendered in the site layout. */
final class ErrorPage extends Pages {

    private ErrorPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    static ErrorPage open(WebDriver driver, String baseUrl, String path) {
        driver.get(baseUrl + path);
        return new ErrorPage(driver, baseUrl);
    }

    String message() {
        return driver.findElement(By.cssSelector("[data-test=error-message]")).getText();
    }

    boolean hasSiteLayout() {
        return !driver.findElements(By.cssSelector("header.site-header")).isEmpty()
                && !driver.findElements(By.cssSelector("footer.site-footer")).isEmpty();
    }
}
