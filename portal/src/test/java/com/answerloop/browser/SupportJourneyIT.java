package com.answerloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.accounts.Role;
import com.answerloop.accounts.TestAccounts;
import com.answerloop.accounts.UserAccount;
import com.answerloop.cases.TestCases;
import com.answerloop.community.CommunityFixtures;
import com.answerloop.community.ThreadManagement;
import com.answerloop.shared.mail.Mailer;
import com.answerloop.shared.mail.OutboxEntry;
import com.answerloop.support.Browser;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * Issue 5's journeys in a real browser: a visitor sees suggestions while typing, submits anyway; an agent finds the
 * case, finds nothing in the knowledge panel, replies and solves, captures the answer with the customer's email and
 * phone masked; an editor validates it; the visitor's words find it in the site search; the customer answers the
 * effort survey. An accepted community answer promoted to a credited article, with a number the agent typed masked.
 * And the deflection journey: "This answered my question" counts and creates no case.
 */
@ShippedContentPortal
@Import({TestAccounts.class, TestCases.class})
class SupportJourneyIT {

    private static final String EMAIL = "quinn.visitor@example.org";
    private static final String PHONE = "+31 6 5190 2284";
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/\\S+)");

    @RegisterExtension
    static final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestCases cases;

    @Autowired
    Mailer mailer;

    @Autowired
    ThreadManagement threads;

    @Autowired
    ApplicationContext context;

    @Test
    void aRequestBecomesAValidatedArticleThatTheVisitorsWordsFind() {
        WebDriver driver = browser.driver();
        UserAccount agent = accounts.account("agent.journey@answerloop.test", "Agent Journey", Role.AGENT);
        UserAccount editor = accounts.account("editor.journey@answerloop.test", "Editor Journey", Role.EDITOR);

        driver.manage().deleteAllCookies();
        driver.get(base() + "/contact");
        driver.findElement(By.id("subject")).sendKeys("Password reset email never arrives for my kestrel workspace");
        wait(driver)
                .until(d -> !d.findElements(By.cssSelector("#suggestions .suggestion-list li"))
                        .isEmpty());
        driver.findElement(By.id("description"))
                .sendKeys("The kestrel workspace never sends the reset mail. Call me on " + PHONE + " or write to "
                        + EMAIL);
        driver.findElement(By.id("email")).sendKeys(EMAIL);
        Axe.assertNoViolations(driver, "contact page with suggestions");
        driver.findElement(By.cssSelector("button[value=submit]")).click();
        String reference = wait(driver)
                .until(d -> d.findElement(By.cssSelector(".case-reference")))
                .getText();
        assertThat(reference).matches("AL-\\d+");
        Axe.assertNoViolations(driver, "request sent page");

        signIn(driver, agent);
        driver.get(base() + "/agent/cases?view=unassigned");
        Axe.assertNoViolations(driver, "agent queue");
        driver.findElement(By.linkText(reference)).click();
        WebElement kq = driver.findElement(By.id("kq"));
        kq.clear();
        kq.sendKeys("kestrel");
        kq.submit();
        wait(driver).until(ExpectedConditions.stalenessOf(kq));
        assertThat(wait(driver).until(d -> d.findElement(By.id("kq"))).getAttribute("value"))
                .isEqualTo("kestrel");
        assertThat(driver.findElements(By.cssSelector(".knowledge-results li"))).isEmpty();
        Axe.assertNoViolations(driver, "agent case page");
        driver.findElement(By.id("reply-body"))
                .sendKeys("Add no-reply@kestrel.example to your allow list, then request the reset again.");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("reply-status"))).selectByValue("SOLVED");
        driver.findElement(By.id("reply-body")).submit();
        wait(driver)
                .until(d -> d.findElement(By.linkText("Capture as article")))
                .click();
        wait(driver)
                .until(d -> !d.findElements(By.cssSelector("mark.pii-email")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("mark.pii-phone"))).isNotEmpty();
        Axe.assertNoViolations(driver, "capture review page");
        driver.findElement(By.xpath("//button[contains(., 'Continue to the editor')]"))
                .click();
        String draft = wait(driver).until(d -> d.findElement(By.id("body"))).getAttribute("value");
        assertThat(draft).doesNotContain(EMAIL).doesNotContain("5190 2284").contains("[email removed]");
        driver.findElement(By.xpath("//button[contains(., 'Preview')]")).click();
        // The preview arrives with the next page: wait for it rather than racing the form submit.
        assertThat(wait(driver)
                        .until(d -> d.findElement(By.cssSelector(".article-preview")))
                        .getText())
                .contains("Resolution");
        Axe.assertNoViolations(driver, "capture editor with preview");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("category")))
                .selectByValue("using-the-help-center/your-account");
        driver.findElement(By.xpath("//button[contains(., 'Submit for review')]"))
                .click();
        wait(driver).until(d -> d.getPageSource().contains("submitted for review"));
        // back on the case: linked to its draft, and no second capture
        assertThat(driver.findElements(By.linkText("Capture as article"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector(".linked-documents")).getText())
                .contains("kestrel workspace");
        assertThat(driver.findElement(By.cssSelector(".knowledge-panel")).getText())
                .doesNotContain("Nothing linked yet");

        signIn(driver, editor);
        driver.get(base() + "/editor/review");
        Axe.assertNoViolations(driver, "editor queue");
        driver.findElement(By.partialLinkText("kestrel workspace")).click();
        Axe.assertNoViolations(driver, "editor article page");
        driver.findElement(By.xpath("//button[contains(., 'Approve')]")).click();
        wait(driver)
                .until(d -> d.findElement(By.cssSelector(".article-state"))
                        .getText()
                        .equals("Validated"));

        // the agent's case now names the published article and still offers no capture
        signIn(driver, agent);
        driver.get(base() + "/agent/cases/" + reference);
        assertThat(driver.findElements(By.linkText("Capture as article"))).isEmpty();
        wait(driver).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.cssSelector(".audit-trail")).getText().contains("ARTICLE_PUBLISHED");
        });
        assertThat(driver.findElement(By.cssSelector(".linked-documents")).getText())
                .contains("kestrel workspace");

        driver.manage().deleteAllCookies();
        wait(driver).until(d -> {
            d.get(base() + "/search?q=" + "kestrel+workspace+reset");
            return d.getPageSource().contains("Password reset email never arrives for my kestrel workspace");
        });
        driver.get(base() + "/search?q=" + EMAIL);
        // the customer's address was scrubbed: no result shows it (search may still offer articles by meaning)
        assertThat(driver.findElements(By.cssSelector(".results li")))
                .noneSatisfy(result -> assertThat(result.getText()).contains(EMAIL));

        String survey = mailer.recent(20).stream()
                .filter(mail -> mail.to().equals(EMAIL) && mail.subject().contains("solved"))
                .map(OutboxEntry::text)
                .findFirst()
                .orElseThrow();
        Matcher link = LINK.matcher(survey.substring(survey.indexOf("1 (very low effort)")));
        assertThat(link.find()).isTrue();
        driver.get(base() + link.group(1).replace("score=1", "score=2"));
        assertThat(driver.findElement(By.id("effort")).getText()).contains("Your answer: 2 of 7");
        Axe.assertNoViolations(driver, "request page with the effort survey");
    }

    @Test
    void anAgentPromotesAnAcceptedAnswerAndTheValidatedArticleCreditsTheThread() {
        WebDriver driver = browser.driver();
        UserAccount asker = accounts.account("asker.promote@example.org", "Noor Haddad", Role.MEMBER);
        UserAccount answerer = accounts.account("answerer.promote@example.org", "Ines Duarte", Role.MEMBER);
        UserAccount agent = accounts.account("agent.promote@answerloop.test", "Agent Promote", Role.AGENT);
        UserAccount editor = accounts.account("editor.promote@answerloop.test", "Editor Promote", Role.EDITOR);
        long threadId = CommunityFixtures.threadWithAcceptedAnswer(
                context,
                asker,
                answerer,
                "Heron calendar invites arrive without the time zone",
                "Invites sent from heron show UTC instead of my local time. Text me on +44 7700 900461 if needed.",
                "Set your time zone under Profile, Regional settings; heron uses it for every invite it sends.");
        String threadUrl = threads.acceptedAnswer(threadId).orElseThrow().threadUrl();

        signIn(driver, agent);
        driver.get(base() + threadUrl);
        driver.findElement(By.linkText("Promote to article")).click();
        wait(driver)
                .until(d -> !d.findElements(By.cssSelector("mark.pii-phone")).isEmpty());
        Axe.assertNoViolations(driver, "promotion review page");
        driver.findElement(By.xpath("//button[contains(., 'Continue to the editor')]"))
                .click();
        WebElement body = wait(driver).until(d -> d.findElement(By.id("body")));
        assertThat(body.getAttribute("value"))
                .contains("## Issue")
                .contains("[phone removed]")
                .contains("Set your time zone under Profile");
        // the agent adds a number by hand: saving stops and asks about it
        body.sendKeys("\nEscalations: +44 20 7946 0321\n");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("category")))
                .selectByValue("using-the-help-center/your-account");
        driver.findElement(By.xpath("//button[contains(., 'Submit for review')]"))
                .click();
        wait(driver)
                .until(d -> !d.findElements(By.cssSelector("[data-test=new-findings]"))
                        .isEmpty());
        assertThat(driver.findElement(By.cssSelector("[data-test=new-findings]"))
                        .getText())
                .contains("+44 20 7946 0321");
        Axe.assertNoViolations(driver, "capture editor with new findings");
        driver.findElement(By.xpath("//button[contains(., 'Submit for review')]"))
                .click();
        wait(driver).until(d -> d.getCurrentUrl().contains("/articles/"));
        String slug = driver.getCurrentUrl().substring(driver.getCurrentUrl().lastIndexOf('/') + 1);
        String draftPage = driver.findElement(By.tagName("main")).getText();
        assertThat(draftPage)
                .contains("Not validated")
                .contains("Escalations: [phone removed]")
                .contains("accepted answer by Ines Duarte");
        Axe.assertNoViolations(driver, "not validated article page");

        signIn(driver, editor);
        driver.get(base() + "/editor/articles/" + slug);
        driver.findElement(By.xpath("//button[contains(., 'Approve')]")).click();
        wait(driver)
                .until(d -> d.findElement(By.cssSelector(".article-state"))
                        .getText()
                        .equals("Validated"));

        driver.manage().deleteAllCookies();
        driver.get(base() + "/articles/" + slug);
        WebElement credit = driver.findElement(By.cssSelector(".article-body a[href$='" + threadUrl + "']"));
        assertThat(credit.getText()).isEqualTo("Heron calendar invites arrive without the time zone");
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("accepted answer by Ines Duarte")
                .doesNotContain("7700 900461")
                .doesNotContain("Not validated");
    }

    @Test
    void thisAnsweredMyQuestionCountsADeflectionAndNoCaseIsCreated() {
        WebDriver driver = browser.driver();
        driver.manage().deleteAllCookies();
        long deflections = cases.deflectionCount();
        long before = cases.find("@").size();
        driver.get(base() + "/contact");
        driver.findElement(By.id("subject")).sendKeys("How do I reset my password");
        wait(driver)
                .until(d -> !d.findElements(By.cssSelector("#suggestions .suggestion-list li"))
                        .isEmpty());
        driver.findElement(By.xpath("//button[contains(., 'This answered my question')]"))
                .click();
        wait(driver).until(d -> d.findElement(By.tagName("h1")).getText().equals("Glad we could help"));
        assertThat(cases.deflectionCount()).isEqualTo(deflections + 1);
        assertThat(cases.find("@")).hasSize((int) before);
    }

    private void signIn(WebDriver driver, UserAccount account) {
        BrowserSession.signIn(driver, base(), account);
    }

    private static WebDriverWait wait(WebDriver driver) {
        return BrowserSession.patientWait(driver);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
