package com.answerloop.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A member asks in a real browser (seeing similar articles while typing the title and a live preview), a second
 * member answers with script in the text that stays inert, the asker accepts, the answerer's reputation rises, and a
 * visitor finds the thread on the site's {@code /search} page (type filter {@code thread}) by a word that only its
 * accepted answer contains, and opens it from there.
 */
class CommunityJourneyIT extends CommunityBrowserSupport {

    @Test
    void askAnswerAcceptAndFindTheThread() {
        member("asker@journey.test", "Journey Asker");
        long answererId = member("answerer@journey.test", "Journey Answerer");
        var browser = browser();
        var wait = waiting();

        signIn("asker@journey.test");
        open("/community/ask");
        browser.findElement(By.id("ask-title")).sendKeys("How do I reset my password");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-similar-list] li a")));
        assertThat(browser.findElement(By.cssSelector("[data-similar-list]")).getText())
                .containsIgnoringCase("password");
        browser.findElement(By.id("ask-title")).sendKeys(" on the xylophone portal?");
        browser.findElement(By.id("ask-body")).sendKeys("I **forgot** my password and the reset mail never arrives.");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-markdown-preview] strong")));
        assertThat(browser.findElement(By.cssSelector("[data-markdown-preview] strong"))
                        .getText())
                .isEqualTo("forgot");
        browser.findElement(By.id("ask-tags")).sendKeys("password");
        browser.findElement(By.cssSelector("button[value=post]")).click();
        wait.until(ExpectedConditions.urlContains("/community/threads/"));
        String threadUrl = browser.getCurrentUrl().replaceAll("\\?.*$", "");
        String threadPath = threadUrl.replaceFirst("^https?://[^/]+", "");
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("How do I reset my password on the xylophone portal?");
        signOut();

        signIn("answerer@journey.test");
        browser.get(threadUrl);
        String payload = "<img src=x onerror=alert(1)> Use the marimba reset link in the account settings.";
        browser.findElement(By.id("answer-body")).sendKeys(payload);
        browser.findElement(By.cssSelector("button[value=post]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".answers"), "marimba"));
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.findElement(By.cssSelector(".answers")).getText()).contains("<img src=x onerror=alert(1)>");
        signOut();

        signIn("asker@journey.test");
        browser.get(threadUrl);
        browser.findElement(By.xpath("//button[normalize-space()='Accept this answer']"))
                .click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".accepted-badge")));

        open("/users/" + answererId);
        assertThat(mainText()).contains(String.valueOf(Reputation.ACCEPTED));
        signOut();

        // A visitor searches the site for a word only the accepted answer has, filtered to forum threads.
        anonymous();
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !searchPage("marimba", "thread").isEmpty());
        // Unfiltered too: thread documents have no category, which the category facet must tolerate.
        assertThat(searchPage("marimba", null))
                .extracting(r -> r.findElement(By.tagName("h3")).getText())
                .contains("How do I reset my password on the xylophone portal?");
        List<WebElement> results = searchPage("marimba", "thread");
        assertThat(results).hasSize(1);
        WebElement hit = results.getFirst();
        assertThat(hit.findElement(By.tagName("h3")).getText())
                .isEqualTo("How do I reset my password on the xylophone portal?");
        assertThat(hit.findElement(By.cssSelector(".snippet mark")).getText()).isEqualToIgnoringCase("marimba");
        assertThat(hit.getText()).contains("thread");
        hit.findElement(By.cssSelector("h3 a")).click();
        wait.until(ExpectedConditions.urlContains(threadPath));
        assertThat(browser.findElement(By.cssSelector(".accepted-badge")).isDisplayed())
                .isTrue();
        assertThat(browser.findElement(By.cssSelector(".post.accepted")).getText())
                .contains("marimba");
    }
}
