package com.answerloop.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Two trusted members flag a spam answer on the thread page; the second flag hides it at once for everyone else, on
 * the thread page and on the site's {@code /search} page; a moderator finds it in the queue, confirms it as spam, and
 * the moderation log shows both the automatic hide and the confirmation. Comments: their author edits one (escaped,
 * marked edited), and two trusted flags hide another.
 */
class CommunityModerationIT extends CommunityBrowserSupport {

    private static final String SPAM = "Buy cheap quokkavitamins now at the best prices, visit our shop today!";

    @Test
    void twoTrustedFlagsHideSpamEverywhereAndAModeratorConfirmsIt() {
        long asker = member("asker@moderation.test", "Moderation Asker");
        long spammer = member("spammer@moderation.test", "Moderation Spammer");
        trustedMember("first-flagger@moderation.test", "First Flagger");
        trustedMember("second-flagger@moderation.test", "Second Flagger");
        member("moderator@moderation.test", "Forum Moderator", "MODERATOR");
        var thread = threads.ask(
                actor(asker),
                "general",
                "Which vitamins does the portal recommend?",
                "Is there an official recommendation for vitamins somewhere?",
                "health");
        long spamId = threads.answer(actor(spammer), thread.threadId(), SPAM).postId();

        // Before any flag, a visitor sees the answer and the search page finds the thread by its words.
        anonymous();
        open(thread.url());
        assertThat(mainText()).contains("quokkavitamins");
        awaitSearch("quokkavitamins", true);

        flagAsSpam("first-flagger@moderation.test", thread.url(), spamId);
        anonymous();
        open(thread.url());
        assertThat(mainText()).as("one flag hides nothing").contains("quokkavitamins");

        flagAsSpam("second-flagger@moderation.test", thread.url(), spamId);
        anonymous();
        open(thread.url());
        assertThat(mainText()).doesNotContain("quokkavitamins").contains("Which vitamins does the portal recommend?");
        assertThat(browser().findElements(By.id("post-" + spamId))).isEmpty();
        assertThat(browser().findElement(By.id("answers-title")).getText()).isEqualTo("0 answers");
        awaitSearch("quokkavitamins", false);

        signIn("moderator@moderation.test");
        open("/moderation/community");
        WebElement item = browser().findElement(By.cssSelector(".queue-item[data-post-id='" + spamId + "']"));
        assertThat(item.getText())
                .contains("Which vitamins does the portal recommend?")
                .contains("quokkavitamins")
                .contains("Hidden")
                .contains("Spam by First Flagger (trusted)")
                .contains("Spam by Second Flagger (trusted)");
        item.findElement(By.cssSelector("input[name=note]")).sendKeys("Shop spam");
        item.findElement(By.xpath(".//button[normalize-space()='Confirm and hide']"))
                .click();
        waiting()
                .until(driver -> driver.findElements(By.cssSelector(".queue-item[data-post-id='" + spamId + "']"))
                        .isEmpty());

        open("/moderation/community/log");
        String log = browser().findElement(By.cssSelector("table.data")).getText();
        assertThat(log)
                .contains("Forum Moderator UPHOLD_FLAGS #" + thread.threadId() + " post " + spamId + " Shop spam")
                .contains("System AUTO_HIDE #" + thread.threadId() + " post " + spamId + " 2 trusted flags");
        signOut();

        anonymous();
        open(thread.url());
        assertThat(mainText()).doesNotContain("quokkavitamins");
    }

    @Test
    void aCommenterEditsTheirCommentAndTwoTrustedFlagsHideAnotherOne() {
        long asker = member("asker@comments.test", "Comment Asker");
        long commenter = member("commenter@comments.test", "Careful Commenter");
        long rude = member("rude@comments.test", "Rude Commenter");
        trustedMember("first-flagger@comments.test", "First Comment Flagger");
        trustedMember("second-flagger@comments.test", "Second Comment Flagger");
        var thread = threads.ask(
                actor(asker),
                "general",
                "Where are the comment settings kept?",
                "I cannot find where the comment settings are kept.",
                "comments");
        threads.comment(actor(commenter), thread.postId(), "Look under Settings, I think.");
        threads.comment(actor(rude), thread.postId(), "What a silly wombatquestion this is.");
        long rudeComment =
                jdbc.queryForObject("select id from community_comments where author_id = ?", Long.class, rude);

        signIn("commenter@comments.test");
        open(thread.url());
        browser()
                .findElement(By.xpath("//a[@aria-label='Edit comment by Careful Commenter']"))
                .click();
        var text = browser().findElement(By.id("edit-comment-body"));
        text.clear();
        text.sendKeys("Look under Settings → <i>Comments</i>.");
        browser()
                .findElement(By.xpath("//button[normalize-space()='Save comment']"))
                .click();
        waiting().until(ExpectedConditions.urlContains(thread.url()));
        assertThat(mainText()).contains("Look under Settings → <i>Comments</i>. — Careful Commenter");
        assertThat(browser().findElements(By.cssSelector(".comment-list i")))
                .as("escaped, not markup")
                .isEmpty();
        assertThat(browser().findElement(By.cssSelector(".comment-list")).getText())
                .contains("(edited)");
        signOut();

        flag("first-flagger@comments.test", thread.url(), "comment-" + rudeComment, "Offensive");
        flag("second-flagger@comments.test", thread.url(), "comment-" + rudeComment, "Offensive");
        anonymous();
        open(thread.url());
        assertThat(mainText()).doesNotContain("wombatquestion").contains("Look under Settings");
    }

    private void flagAsSpam(String email, String threadUrl, long postId) {
        flag(email, threadUrl, "post-" + postId, "Spam");
    }

    /** Signs in, opens the flag box of the post or comment with that element id, and sends a flag with the reason. */
    private void flag(String email, String threadUrl, String elementId, String reason) {
        signIn(email);
        open(threadUrl);
        WebElement post = browser().findElement(By.id(elementId));
        post.findElement(By.cssSelector(".flag-box summary")).click();
        post.findElement(By.xpath(".//label[normalize-space()='" + reason + "']"))
                .click();
        post.findElement(By.xpath(".//button[normalize-space()='Send flag']")).click();
        waiting().until(ExpectedConditions.urlContains("flagged"));
        assertThat(mainText()).contains("Thanks, the moderators will look at the post you flagged.");
        signOut();
    }

    /** Reloads the search page (type filter thread) until the thread is (or is no longer) among the results. */
    private void awaitSearch(String word, boolean found) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> searchPage(word, "thread").isEmpty() != found);
        assertThat(browser()
                        .findElement(By.cssSelector("main form[role=search] input[name=q]"))
                        .getDomProperty("value"))
                .isEqualTo(word);
    }
}
