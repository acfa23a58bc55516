package com.answerloop.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.support.Browser;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person sees in Chromium when the account rules of issue 14 apply to them. */
class AccountsBrowserIT extends AccountsIntegrationTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void afterHalfAnHourIdleAnAdminConfirmsThePasswordBeforeSuspendingSomeone() {
        long rita = verifiedAccount("rita@example.com", "Rita Idle", "rita's lighthouse passphrase");
        WebDriver driver = signInAsAdmin();
        open(driver, "/admin/users/" + rita);

        clock.advance(Duration.ofMinutes(31)); // the admin walked away from the open page
        suspend(driver, "spam");
        waitFor(driver).until(d -> d.getCurrentUrl().contains("/reauthenticate"));
        assertThat(main(driver)).contains("Confirm your password");
        assertThat(accounts.findById(rita).orElseThrow().suspended()).isFalse();

        driver.findElement(By.id("reauth-password")).sendKeys("not my password");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(driver).until(d -> main(d).contains("Your current password is not correct."));

        driver.findElement(By.id("reauth-password")).sendKeys(ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitFor(driver).until(d -> d.getCurrentUrl().endsWith("/admin/users/" + rita));

        // confirmed: the change goes through, and further changes do too while the admin keeps working
        suspend(driver, "spam");
        waitFor(driver).until(d -> main(d).contains("Suspended"));
        assertThat(accounts.findById(rita).orElseThrow().suspended()).isTrue();
    }

    @Test
    void registrationExplainsWhyAPasswordOrADisplayNameIsRefused() {
        verifiedAccount("marguerite@example.com", "Marguerite Lane", "marguerite's lighthouse passphrase");
        WebDriver driver = browser.driver();
        browser.clearCookies();

        register(driver, "newbie@example.com", "Newbie", "Answerloop1");
        waitFor(driver).until(d -> main(d).contains("Do not use the name of this site in your password."));

        register(driver, "newbie@example.com", "MARGUERITE LANE", "a lighthouse in the fog");
        waitFor(driver).until(d -> main(d).contains("one that looks the same"));
        assertThat(accounts.findByEmail("newbie@example.com")).isEmpty();

        register(driver, "newbie@example.com", "Newbie", "a lighthouse in the fog");
        waitFor(driver).until(d -> d.getCurrentUrl().endsWith("/register/check-email"));
    }

    private WebDriver signInAsAdmin() {
        WebDriver driver = browser.driver();
        browser.clearCookies();
        open(driver, "/login");
        driver.findElement(By.id("username")).sendKeys(ADMIN_EMAIL);
        driver.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        driver.findElement(By.id("password")).submit();
        waitFor(driver).until(d -> !d.getCurrentUrl().contains("/login"));
        return driver;
    }

    private void register(WebDriver driver, String email, String displayName, String password) {
        open(driver, "/register");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("displayName")).sendKeys(displayName);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("password")).submit();
        waitFor(driver).until(d -> !d.findElements(By.tagName("main")).isEmpty());
    }

    private static void suspend(WebDriver driver, String reason) {
        driver.findElement(By.id("suspend-reason")).sendKeys(reason);
        driver.findElement(By.id("suspend-reason")).submit();
    }

    private void open(WebDriver driver, String path) {
        driver.get("http://localhost:" + port + path);
    }

    private static String main(WebDriver driver) {
        return driver.findElement(By.tagName("main")).getText();
    }

    private static WebDriverWait waitFor(WebDriver driver) {
        return Browser.patientWait(driver);
    }
}
