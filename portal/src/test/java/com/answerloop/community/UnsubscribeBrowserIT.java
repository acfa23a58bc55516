package com.answerloop.community;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.shared.mail.Mailer;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** A member who is not signed in opens the unsubscribe link from a community email and turns the emails off. */
class UnsubscribeBrowserIT extends CommunityBrowserSupport {

    private static final Pattern UNSUBSCRIBE =
            Pattern.compile("https?://[^/\\s]+(/community/unsubscribe\\?token=\\S+)");

    @Autowired
    Mailer mailer;

    @Test
    void aSignedOutMemberUnsubscribesFromTheEmailLink() {
        long asker = member("asker.unsubscribe@example.com", "Asker Unsubscribe");
        long answerer = member("answerer.unsubscribe@example.com", "Answerer Unsubscribe");
        var thread = posting.ask(
                actor(asker),
                "general",
                "Where do I stop community emails?",
                "I would like fewer emails about this forum, please. Is there a switch somewhere?",
                "setup");
        posting.answer(actor(answerer), thread.threadId(), "Use the link at the bottom of each email you get.");
        String mail = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> mailer.recent(50).stream()
                                .filter(m -> m.to().equals("asker.unsubscribe@example.com"))
                                .map(m -> m.text())
                                .toList(),
                        texts -> !texts.isEmpty())
                .getFirst();
        Matcher link = UNSUBSCRIBE.matcher(mail);
        assertThat(link.find()).as("unsubscribe link in " + mail).isTrue();

        anonymous();
        open(link.group(1)); // the path of the mailed link, on this test's port
        browser()
                .findElement(By.xpath("//main//button[normalize-space()='Unsubscribe']"))
                .click();

        waiting()
                .until(d -> !d.findElements(By.cssSelector("[data-test=unsubscribed]"))
                        .isEmpty());
        assertThat(browser().getCurrentUrl()).doesNotContain("/login");
        assertThat(mainText()).contains("You will no longer get community emails");
    }
}
