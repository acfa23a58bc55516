package com.answerloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.accounts.Role;
import com.answerloop.accounts.TestAccounts;
import com.answerloop.accounts.UserAccount;
import com.answerloop.support.Browser;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The insights pages in a real browser, signed in as an editor, after a few searches: every area shows its figures,
 * its SVG chart or tables, and axe-core finds no WCAG A/AA violation.
 */
@ShippedContentPortal
@Import(TestAccounts.class)
class InsightsAccessibilityIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Test
    void everyInsightsPageHasNoAxeViolations() {
        WebDriver driver = browser.driver();
        driver.get(base() + "/search?q=reset+password");
        // by two visitors, this one and the editor below: a query fewer typed is never listed (it may identify a
        // customer)
        driver.get(base() + "/search?q=zebra+submarine+licence");
        UserAccount editor = accounts.account("insights.editor@answerloop.test", "Insights Editor", Role.EDITOR);
        driver.manage().deleteAllCookies();
        driver.get(base() + "/login");
        driver.findElement(By.name("username")).sendKeys(editor.email());
        driver.findElement(By.name("password")).sendKeys("not-used-" + editor.email());
        driver.findElement(By.name("password")).submit();
        wait(driver).until(d -> !d.getCurrentUrl().contains("/login"));
        driver.get(base() + "/search?q=zebra+submarine+licence");

        driver.get(base() + "/");
        driver.findElement(By.cssSelector(".staff-nav a[data-test=staff-insights]"))
                .click();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Insights: Overview");
        wait(driver).until(d -> {
            d.get(base() + "/admin/insights/content-gaps");
            return d.getPageSource().contains("zebra submarine licence");
        });
        Axe.assertNoViolations(driver, "insights: content gaps");
        for (String area : List.of("", "/search", "/contacts", "/kcs", "/articles", "/community", "/effort")) {
            driver.get(base() + "/admin/insights" + area + "?days=7");
            assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Insights: ");
            assertThat(driver.findElements(By.cssSelector(".figures dt"))).isNotEmpty();
            Axe.assertNoViolations(driver, "insights" + area);
        }
        driver.get(base() + "/admin/insights/search?days=7");
        assertThat(driver.findElements(By.cssSelector("svg rect"))).hasSize(7);

        // a custom period, chosen in the form as a support lead would, kept when moving to another area
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate weekAgo = today.minusDays(6);
        driver.get(base() + "/admin/insights/search");
        setDate(driver, "period-from", weekAgo);
        setDate(driver, "period-to", today);
        driver.findElement(By.xpath("//button[text()='Show period']")).click();
        wait(driver).until(d -> d.getCurrentUrl().contains("from=" + weekAgo));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(weekAgo + " to " + today + " (UTC)");
        assertThat(driver.findElements(By.cssSelector("svg rect"))).hasSize(7);
        assertThat(driver.findElement(By.cssSelector(".figures")).getText())
                .contains("Refinement rate")
                .contains("Exits without a click");
        Axe.assertNoViolations(driver, "insights: search over a custom period");
        driver.findElement(By.linkText("KCS")).click();
        wait(driver).until(d -> d.getCurrentUrl().contains("/admin/insights/kcs?from=" + weekAgo + "&to=" + today));
        assertThat(driver.findElement(By.cssSelector(".figures")).getText())
                .contains("Reuse share")
                .contains("Median time to publish")
                .contains("90th percentile time to publish");
        // an impossible end date: the page says why and shows the last 30 days
        driver.get(base() + "/admin/insights/search?from=" + today + "&to=" + today.minusDays(2));
        assertThat(driver.findElement(By.cssSelector("p.notice")).getText())
                .isEqualTo("The end date " + today.minusDays(2) + " is before the start date " + today
                        + ". Showing the last 30 days.");
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains(today.minusDays(29) + " to " + today + " (UTC)");

        driver.get(base() + "/admin/insights/content-gaps");
        driver.findElement(By.xpath("//tr[td[1][text()='zebra submarine licence']]//button"))
                .click();
        wait(driver).until(d -> d.getCurrentUrl().contains("/editor/articles/"));
        assertThat(driver.getPageSource())
                .as("the draft opens in the editor, titled after the gap")
                .contains("Zebra submarine licence");
    }

    /** Sets a date field as the browser's date picker would (typing into it depends on the browser's locale). */
    private static void setDate(WebDriver driver, String id, LocalDate date) {
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)), date.toString());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static WebDriverWait wait(WebDriver driver) {
        return Browser.patientWait(driver, Duration.ofSeconds(30));
    }
}
