package com.answerloop.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        var thread = posting.ask(
                actor(asker),
                "general",
                "Which vitamins does the portal recommend?",
                "Is there an official recommendation for vitamins somewhere?",
                "health");
        long spamId = posting.answer(actor(spammer), thread.threadId(), SPAM).postId();

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
        WebElement item = queueItem(".queue-item[data-post-id='" + spamId + "']");
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
        var thread = posting.ask(
                actor(asker),
                "general",
                "Where are the comment settings kept?",
                "I cannot find where the comment settings are kept.",
                "comments");
        posting.comment(actor(commenter), thread.postId(), "Look under Settings, I think.");
        posting.comment(actor(rude), thread.postId(), "What a silly wombatquestion this is.");
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

    @Test
    void aModeratorPagesThroughALongQueueWithCountsAndActsOnALaterPage() {
        long asker = member("asker@queue.test", "Queue Asker");
        Actor flagger = actor(trustedMember("flagger@queue.test", "Queue Flagger"));
        member("moderator@queue.test", "Queue Moderator", "MODERATOR");
        var thread = posting.ask(
                actor(asker),
                "general",
                "Which answers wait for the moderators here?",
                "Thirty answers below are flagged as off-topic by one member.",
                "queue");
        List<Long> flagged = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long answerer = member("answerer" + i + "@queue.test", "Queue Answerer " + i);
            long answerId = posting.answer(
                            actor(answerer), thread.threadId(), "Answer " + i + " that waits in the queue.")
                    .postId();
            flagging.flag(flagger, answerId, "OFF_TOPIC", null);
            flagged.add(answerId);
        }

        signIn("moderator@queue.test");
        open("/moderation/community");
        String count =
                browser().findElement(By.cssSelector("[data-test=queue-count]")).getText();
        Matcher counted = Pattern.compile("1–25 of (\\d+) waiting").matcher(count);
        assertThat(counted.matches()).as(count).isTrue();
        long total = Long.parseLong(counted.group(1));
        assertThat(total).isGreaterThanOrEqualTo(30); // other tests' items may wait too
        assertThat(browser()
                        .findElement(By.cssSelector("[data-test=staff-moderation] .badge-count"))
                        .getText())
                .as("the header's count")
                .isEqualTo(Long.toString(total));
        assertThat(browser().findElements(By.cssSelector(".queue-item"))).hasSize(25);
        List<String> firstPage = itemIds();

        browser()
                .findElement(By.cssSelector("[data-test=queue-pages] a[rel=next]"))
                .click();
        waiting().until(ExpectedConditions.urlContains("page=2"));
        assertThat(browser()
                        .findElement(By.cssSelector("[data-test=queue-pages]"))
                        .getText())
                .contains("Page 2 of " + ((total + 24) / 25));
        assertThat(browser()
                        .findElement(By.cssSelector("[data-test=queue-count]"))
                        .getText())
                .startsWith("26–");
        assertThat(itemIds()).isNotEmpty().doesNotContainAnyElementsOf(firstPage);

        // every flagged answer is on some page, and acting on one keeps the moderator on its page
        for (long answerId : flagged) {
            queueItem(".queue-item[data-post-id='" + answerId + "']");
        }
        long last = flagged.getLast();
        WebElement item = queueItem(".queue-item[data-post-id='" + last + "']");
        String page = browser().getCurrentUrl().replaceAll(".*page=", "");
        item.findElement(By.xpath(".//button[normalize-space()='Dismiss flags and show']"))
                .click();
        waiting()
                .until(driver -> driver.findElements(By.cssSelector(".queue-item[data-post-id='" + last + "']"))
                        .isEmpty());
        assertThat(browser().getCurrentUrl()).endsWith(page.equals("1") ? "/moderation/community" : "page=" + page);
        assertThat(browser()
                        .findElement(By.cssSelector("[data-test=staff-moderation] .badge-count"))
                        .getText())
                .isEqualTo(Long.toString(total - 1));
    }

    private List<String> itemIds() {
        return browser().findElements(By.cssSelector(".queue-item")).stream()
                .map(e -> e.getDomAttribute("data-post-id") + "/" + e.getDomAttribute("data-comment-id"))
                .toList();
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

    /**
     * Reloads the search page (type filter thread) until a result shows the word (or none does). A thread may still be
     * found by meaning once the spam is hidden, but no result may show the hidden text.
     */
    private void awaitSearch(String word, boolean found) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> searchPage(word, "thread").stream()
                                .anyMatch(result -> result.getText().contains(word))
                        == found);
        assertThat(browser()
                        .findElement(By.cssSelector("main form[role=search] input[name=q]"))
                        .getDomProperty("value"))
                .isEqualTo(word);
    }
}
