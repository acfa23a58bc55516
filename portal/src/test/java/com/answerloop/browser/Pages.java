package com.answerloop.browser;

import com.answerloop.support.Browser;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What every page object needs: the browser, the portal's address and a patient wait. */
abstract class Pages {

    static final Duration WAIT = Duration.ofSeconds(20);

    final WebDriver driver;
    final String baseUrl;

    Pages(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    WebDriverWait waiting() {
        return Browser.patientWait(driver, WAIT);
    }

    WebElement main() {
        return driver.findElement(By.cssSelector("main#main"));
    }

    /** The page's {@code <h1>} as the user sees it (textContent, not the rendering-dependent innerText). */
    String heading() {
        return driver.findElement(By.cssSelector("main h1")).getDomProperty("textContent");
    }

    String currentPath() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }
}
