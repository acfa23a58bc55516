package com.answerloop.community;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.browser.Axe;
import com.answerloop.shared.mail.Mailer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * axe-core (WCAG 2.0/2.1 A and AA, as {@code browser/AccessibilityIT}) finds no violations on the forum's pages and the
 * account pages, each seen by the role that uses it. Every check first asserts the page shows what it is for, so an
 * error or empty page cannot pass. One test collects every page's violations, so a run reports them all.
 */
class CommunityAccessibilityIT extends CommunityBrowserSupport {

    private static final Pattern RESET_LINK = Pattern.compile("/password-reset/confirm\\?token=\\S+");

    @Autowired
    Mailer mailer;

    private final List<String> failures = new ArrayList<>();
    private long memberId;
    private String memberEmail;
    private String moderatorEmail;
    private Posting.PostResult thread;
    private long answerId;
    private long commentId;

    @BeforeEach
    void forumWithAThreadAnswersAndComments() {
        String suffix = Long.toString(System.nanoTime());
        memberEmail = "a11y-member-" + suffix + "@community.test";
        moderatorEmail = "a11y-mod-" + suffix + "@community.test";
        long asker = member("a11y-asker-" + suffix + "@community.test", "Accessible Asker");
        memberId = member(memberEmail, "Accessible Member");
        member(moderatorEmail, "Accessible Moderator", "MODERATOR");
        thread = posting.ask(
                actor(asker),
                "general",
                "How do I export my reading list " + suffix + "?",
                "I would like to **export** my reading list as a file.\n\n- one\n- two",
                "export, lists");
        answerId = posting.answer(actor(memberId), thread.threadId(), "Open *Settings* and choose `Export`. " + suffix)
                .postId();
        posting.comment(actor(asker), answerId, "Thanks, that worked for me.");
        posting.comment(actor(memberId), thread.postId(), "Which format do you need?");
        commentId = jdbc.queryForObject(
                "select max(id) from community_comments where post_id = ?", Long.class, thread.postId());
        posting.edit(
                actor(memberId), answerId, null, "Open *Settings*, then choose `Export` and pick CSV. " + suffix, null);
        voting.accept(actor(asker), answerId);
        Actor flagger = actor(trustedMember("a11y-flagger-" + suffix + "@community.test", "Flagger"));
        flagging.flag(flagger, answerId, "OFF_TOPIC", null);
        flagging.flagComment(flagger, commentId, "OFFENSIVE", "Rude");
    }

    @AfterEach
    void reportEveryViolation() {
        assertThat(failures).as("pages with accessibility problems").isEmpty();
    }

    @Test
    void forumAndAccountPagesHaveNoWcagViolations() {
        anonymous();
        page("/community", "community home", "Community");
        page("/community/topics/general", "topic list", "General");
        page("/community/tags/export", "tag list", "export my reading list");
        page(thread.url(), "thread page (visitor)", "Thanks, that worked for me.");
        page("/community/posts/" + answerId + "/revisions", "revisions", "pick CSV");
        page("/community/leaderboard", "leaderboard", "Accessible Member");
        page("/community/help", "help and trust levels", "Established member");
        page("/login", "login", "Sign in");
        page("/register", "register", "Create");
        page("/register/check-email", "verify notice", "Check your email");
        page("/verify-email?token=unknown", "verify email", "Confirm");
        page("/password-reset", "password reset request", "Reset");
        browser()
                .findElement(By.cssSelector("main input[type=email], main input[name=email]"))
                .sendKeys(memberEmail);
        browser().findElement(By.cssSelector("main form button[type=submit]")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/password-reset"));
        // the member's other mails (the accepted answer's notice) may be sent after this one: pick the reset mail
        List<String> toMember = mailer.recent(20).stream()
                .filter(m -> m.to().equals(memberEmail))
                .map(m -> m.text())
                .toList();
        String mail = toMember.stream()
                .filter(text -> RESET_LINK.matcher(text).find())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no reset link in the mails to the member: " + toMember));
        Matcher link = RESET_LINK.matcher(mail);
        assertThat(link.find()).isTrue();
        page(link.group(), "password reset", "new password");

        signIn(memberEmail);
        page(thread.url(), "thread page (member)", "Add a comment");
        page("/community/ask", "ask", "Ask");
        page("/community/posts/" + answerId + "/edit", "edit", "Edit");
        page("/community/comments/" + commentId + "/edit", "edit comment", "Edit comment");
        page("/community/notifications", "notifications", "Notifications");
        page("/account", "account settings", "Your account");
        page("/users/" + memberId, "profile", "Accessible Member");

        signIn(moderatorEmail);
        page("/moderation/community", "moderation queue", "waiting");
        // other tests' flags wait in the same queue, so the page holding these may be a later one
        assertThat(queueItem("[data-post-id='" + answerId + "']").getText()).contains("Off-topic");
        assertThat(queueItem("[data-comment-id='" + commentId + "']").getText())
                .contains("Comment by Accessible Member")
                .contains("Offensive");
        page("/moderation/community/log", "moderation log", "Moderation log");
        page(thread.url(), "thread page (moderator)", "Moderate this thread");

        signIn(ADMIN_EMAIL);
        page("/admin/community/topics", "admin topics", "/community/topics/general");
        // other tests share this database and add users: find this one, as an admin would
        page("/admin/users?q=Accessible", "admin users", "Accessible Member");
        page("/admin/users/" + memberId, "admin user page", memberEmail);
        page("/admin/outbox", "outbox", memberEmail);
    }

    /** Opens the page, checks it shows {@code expected}, then runs axe-core; problems are collected, not thrown. */
    private void page(String path, String name, String expected) {
        open(path);
        try {
            assertThat(mainText()).as(name + " shows its content").contains(expected);
            Axe.assertNoViolations(browser(), name);
        } catch (AssertionError e) {
            failures.add(e.getMessage());
        }
    }
}
