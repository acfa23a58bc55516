package com.answerloop.browser;

import com.answerloop.accounts.UserAccount;
import com.answerloop.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Steps the journey tests share: signing in as a test account, and a wait that outlasts a page change. */
final class BrowserSession {

    private BrowserSession() {}

    /** Signs in through the login form (test accounts' password is {@code not-used-} + email), cookies cleared first. */
    static void signIn(WebDriver driver, String base, UserAccount account) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/login");
        driver.findElement(By.name("username")).sendKeys(account.email());
        driver.findElement(By.name("password")).sendKeys("not-used-" + account.email());
        driver.findElement(By.name("password")).submit();
        patientWait(driver).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Waits, looking again when the old page's element goes stale while the next page loads after a submit. */
    static WebDriverWait patientWait(WebDriver driver) {
        return Browser.patientWait(driver);
    }
}
