package com.answerloop.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.answerloop.search.SearchManagement;
import com.answerloop.search.SearchQuery;
import com.answerloop.search.SearchResults;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Votes, reputation, acceptance, flags, auto-hiding, held posts, revisions, notifications and indexing. */
class CommunityServiceIT extends CommunityTestSupport {

    @Autowired
    SearchManagement search;

    @Autowired
    Reputation reputationBean;

    @Test
    void upvotesEarnReputationAndWithdrawingOrChangingTheVoteTakesItBack() {
        Member asker = member("Asker Votes", 10);
        Member answerer = member("Answerer Votes", 10);
        Member voter = established("Voter Votes");
        var thread = question(asker, "How do votes change reputation here?");
        var answer = answer(answerer, thread.threadId(), "Votes change reputation like this.");

        assertThat(voting.vote(actor(voter), answer.postId(), 1)).isEqualTo(1);
        assertThat(voting.vote(actor(voter), thread.postId(), 1)).isEqualTo(1);
        assertThat(reputation(answerer)).isEqualTo(Reputation.ANSWER_UPVOTE);
        assertThat(reputation(asker)).isEqualTo(Reputation.QUESTION_UPVOTE);

        assertThat(voting.vote(actor(voter), answer.postId(), -1)).isEqualTo(-1);
        assertThat(reputation(answerer)).isEqualTo(Reputation.DOWNVOTE_RECEIVED);

        assertThat(voting.vote(actor(voter), answer.postId(), 0)).isZero();
        assertThat(reputation(answerer)).isZero();
        assertThat(pages.thread(thread.threadId(), null, AnswerSort.VOTES)
                        .orElseThrow()
                        .question()
                        .score())
                .isEqualTo(1);
    }

    @Test
    void oneVotePerMemberNotOnOwnPostsAndDownvotesNeedAnEstablishedMember() {
        Member asker = member("Asker Own", 10);
        Member newcomer = member("Newcomer Own", 10);
        var thread = question(asker, "Can I vote on my own question here?");

        assertThatThrownBy(() -> voting.vote(actor(asker), thread.postId(), 1))
                .isInstanceOf(CommunityProblem.class)
                .hasMessageContaining("own post");
        assertThatThrownBy(() -> voting.vote(actor(newcomer), thread.postId(), -1))
                .isInstanceOf(CommunityProblem.class)
                .hasMessageContaining("Voting down needs");

        voting.vote(actor(newcomer), thread.postId(), 1);
        voting.vote(actor(newcomer), thread.postId(), 1);
        assertThat(reputation(asker)).isEqualTo(Reputation.QUESTION_UPVOTE);
    }

    @Test
    void theAskerAcceptsOneAnswerWhichIsListedFirstAndEarnsPointsThatMoveWithTheAcceptance() {
        Member asker = member("Asker Accept", 10);
        Member first = member("First Answerer", 10);
        Member second = member("Second Answerer", 10);
        Member stranger = member("Stranger Accept", 10);
        Member voter = established("Voter Accept");
        var thread = question(asker, "Which answer will be accepted here?");
        var a1 = answer(first, thread.threadId(), "First answer text.");
        var a2 = answer(second, thread.threadId(), "Second answer text.");
        voting.vote(actor(voter), a1.postId(), 1);

        assertThatThrownBy(() -> voting.accept(actor(stranger), a2.postId()))
                .isInstanceOf(CommunityProblem.class)
                .extracting(p -> ((CommunityProblem) p).status())
                .isEqualTo(403);

        voting.accept(actor(asker), a2.postId());
        ThreadPage page =
                pages.thread(thread.threadId(), null, AnswerSort.VOTES).orElseThrow();
        assertThat(page.state()).isEqualTo(ThreadState.ANSWERED);
        assertThat(page.answers()).extracting(PostView::id).containsExactly(a2.postId(), a1.postId());
        assertThat(reputation(second)).isEqualTo(Reputation.ACCEPTED);
        assertThat(reputation(asker)).isEqualTo(Reputation.ACCEPTER);
        assertThat(pages.thread(thread.threadId(), null, AnswerSort.VOTES)
                        .orElseThrow()
                        .answers()
                        .getFirst()
                        .accepted())
                .isTrue();

        Member moderator = member("Moderator Accept", 100, "MODERATOR");
        voting.accept(actor(moderator), a1.postId());
        assertThat(reputation(second)).isZero();
        assertThat(reputation(first)).isEqualTo(Reputation.ANSWER_UPVOTE + Reputation.ACCEPTED);
        assertThat(reputation(asker)).isEqualTo(Reputation.ACCEPTER);
        assertThat(reputationBean.badgesOf(first.id())).contains("First accepted answer", "First answer");
    }

    @Test
    void aLockedThreadKeepsItsAcceptedAnswerAndOnlyTheAskerOrAModeratorMayWithdrawOne() {
        Member asker = member("Asker Unaccept", 10);
        Member answerer = member("Answerer Unaccept", 10);
        Member stranger = member("Stranger Unaccept", 10);
        Member moderator = member("Moderator Unaccept", 100, "MODERATOR");
        var thread = question(asker, "Can an accepted answer be withdrawn here?");
        var answer = answer(answerer, thread.threadId(), "This answer gets accepted.");
        voting.accept(actor(asker), answer.postId());

        assertThatThrownBy(() -> voting.unaccept(actor(stranger), answer.postId()))
                .isInstanceOf(CommunityProblem.class)
                .hasMessageContaining("Only the person who asked");
        moderation.moderateThread(actor(moderator), thread.threadId(), ThreadAction.LOCK, null, null, null);
        // the page offers no button on a locked thread, and a hand-made request is refused alike
        assertThatThrownBy(() -> voting.unaccept(actor(asker), answer.postId()))
                .isInstanceOf(CommunityProblem.class)
                .hasMessageContaining("locked");
        assertThat(reputation(answerer)).isEqualTo(Reputation.ACCEPTED);

        moderation.moderateThread(actor(moderator), thread.threadId(), ThreadAction.UNLOCK, null, null, null);
        voting.unaccept(actor(asker), answer.postId());
        assertThat(reputation(answerer)).isZero();
        assertThat(pages.thread(thread.threadId(), null, AnswerSort.VOTES)
                        .orElseThrow()
                        .state())
                .isNotEqualTo(ThreadState.ANSWERED);
    }

    @Test
    void newMembersCannotFlagAndTwoTrustedFlagsHideAnAnswerFromReadersAndTheIndex() {
        Member asker = member("Asker Flags", 10);
        Member spammer = member("Spammer Flags", 10);
        Member newcomer = member("Newcomer Flags", 10);
        Member trusted1 = established("Trusted One");
        Member trusted2 = established("Trusted Two");
        Member moderator = member("Moderator Flags", 100, "MODERATOR");
        var thread = question(asker, "Where do flags on spam answers go?");
        var spam = answer(spammer, thread.threadId(), "Buy cheap zorblatt watches today.");
        awaitIndexed("zorblatt", thread.threadId());

        assertThatThrownBy(() -> flagging.flag(actor(newcomer), spam.postId(), "SPAM", null))
                .isInstanceOf(CommunityProblem.class)
                .hasMessageContaining("Flagging needs");

        flagging.flag(actor(trusted1), spam.postId(), "SPAM", null);
        assertThat(visibleAnswerIds(thread.threadId())).contains(spam.postId());
        assertThatThrownBy(() -> flagging.flag(actor(trusted1), spam.postId(), "SPAM", null))
                .isInstanceOf(CommunityProblem.class)
                .hasMessageContaining("already flagged");

        flagging.flag(actor(trusted2), spam.postId(), "OFFENSIVE", "Advertising");
        assertThat(visibleAnswerIds(thread.threadId())).doesNotContain(spam.postId());
        awaitNotFound("zorblatt");

        List<FlaggedPost> waiting = queueItems(actor(moderator));
        FlaggedPost item = waiting.stream()
                .filter(i -> i.postId() == spam.postId())
                .findFirst()
                .orElseThrow();
        assertThat(item.hidden()).isTrue();
        assertThat(item.flags()).hasSize(2);
        assertThatThrownBy(() -> queueItems(actor(trusted1))).isInstanceOf(CommunityProblem.class);

        moderation.moderatePost(actor(moderator), spam.postId(), ModerationAction.UPHOLD, "spam confirmed");
        assertThat(queueItems(actor(moderator))).noneMatch(i -> i.postId() == spam.postId());
        assertThat(moderation.moderationLog(actor(moderator), 0).getContent())
                .extracting(ModerationLogEntry::action)
                .contains("AUTO_HIDE", "UPHOLD_FLAGS");
    }

    @Test
    void aNewMembersLinkHeavyPostWaitsForAModeratorAndThenAppears() {
        Member asker = member("Asker Links", 10);
        Member newcomer = member("Newcomer Links", 0);
        Member moderator = member("Moderator Links", 100, "MODERATOR");
        var thread = question(asker, "Which links should I read about setup?");
        var held = answer(
                newcomer, thread.threadId(), "See https://a.example, https://b.example and https://c.example now.");

        assertThat(held.held()).isTrue();
        assertThat(visibleAnswerIds(thread.threadId())).doesNotContain(held.postId());
        assertThat(pages.thread(thread.threadId(), actor(newcomer), AnswerSort.VOTES)
                        .orElseThrow()
                        .answers())
                .anyMatch(a -> a.id() == held.postId() && a.held());
        assertThat(queueItems(actor(moderator))).anyMatch(i -> i.postId() == held.postId() && i.held());

        moderation.moderatePost(actor(moderator), held.postId(), ModerationAction.APPROVE, null);
        assertThat(visibleAnswerIds(thread.threadId())).contains(held.postId());
    }

    @Test
    void editsKeepARevisionHistoryWithEditorAndOnlyEstablishedMembersMayRetagOthersQuestions() {
        Member asker = member("Asker Edit", 10);
        Member other = member("Other Edit", 10);
        Member curator = established("Curator Edit");
        var thread = question(asker, "How do revisions get recorded?");

        posting.edit(
                actor(asker),
                thread.postId(),
                "How do revisions get recorded, exactly?",
                "Updated body." + LONG_ENOUGH,
                "setup");
        assertThatThrownBy(() ->
                        posting.edit(actor(other), thread.postId(), "Hijacked title here", "x" + LONG_ENOUGH, "spam"))
                .isInstanceOf(CommunityProblem.class);
        posting.edit(
                actor(curator),
                thread.postId(),
                "ignored title for tag editors",
                "ignored" + LONG_ENOUGH,
                "setup history");

        List<RevisionView> history = pages.revisions(thread.postId(), null);
        assertThat(history).extracting(RevisionView::number).containsExactly(3, 2, 1);
        assertThat(history.get(0).editorName()).isEqualTo("Curator Edit");
        assertThat(history.get(0).tags()).containsExactly("history", "setup");
        assertThat(history.get(0).title()).isEqualTo("How do revisions get recorded, exactly?");
        assertThat(history.get(1).editorName()).isEqualTo("Asker Edit");
        assertThat(history.get(2).title()).isEqualTo("How do revisions get recorded?");
    }

    @Test
    void followersAreNotifiedAndEmailedAboutAnswersAcceptanceAndMentionsWithAWorkingUnsubscribeLink() {
        awaitBackgroundWorkDone();
        Member asker = member("Asker Mail", 10);
        Member answerer = member("Answerer Mail", 10);
        var thread = question(asker, "Who gets notified about new answers?");
        var answer = answer(answerer, thread.threadId(), "You do, @AskerMail, as the asker.");

        // Followers are notified after the answer committed, on another thread.
        Awaitility.await().atMost(AFTER_COMMIT).until(() -> subscriptions.unreadCount(asker.id()) == 1);
        // Emails leave after commit on another thread.
        String mail = Awaitility.await()
                .atMost(AFTER_COMMIT)
                .until(
                        () -> mailsTo(asker.email()).stream()
                                .map(CommunityTestSupport::text)
                                .toList(),
                        m -> !m.isEmpty())
                .getLast();
        assertThat(mail).contains("Answerer Mail answered").contains("/community/unsubscribe?token=");

        voting.accept(actor(asker), answer.postId());
        assertThat(subscriptions.notifications(answerer.id(), 0).getContent())
                .extracting(NotificationView::message)
                .anyMatch(m -> m.contains("was accepted"));

        String token = mail.replaceAll("(?s).*unsubscribe\\?token=([0-9a-f]+).*", "$1");
        assertThat(subscriptions.setMail(token, false)).isTrue();
        int before = mailsTo(asker.email()).size();
        int answererMails = mailsTo(answerer.email()).size();
        answer(member("Third Mail", 10), thread.threadId(), "Another answer after unsubscribing.");
        // The answerer still follows and is emailed; once that mail is in, the asker's would be too.
        Awaitility.await()
                .atMost(AFTER_COMMIT)
                .until(() -> mailsTo(answerer.email()).size() > answererMails);
        assertThat(mailsTo(asker.email())).hasSize(before);
        assertThat(subscriptions.unreadCount(asker.id())).isEqualTo(2);
    }

    @Test
    void commentsAreEditedByTheirAuthorWithTheEarlierTextKeptAndHiddenByTwoTrustedFlags() {
        Member asker = member("Asker Comments", 10);
        Member commenter = member("Commenter Comments", 10);
        Member moderator = member("Moderator Comments", 10, "MODERATOR");
        var thread = question(asker, "Can comments be edited and flagged?");
        posting.comment(actor(commenter), thread.postId(), "First <b>version</b> of my remark.");
        long commentId = onlyComment(thread.threadId(), null).id();

        posting.editComment(actor(commenter), commentId, "Second <b>version</b> of my remark.");
        CommentView edited = onlyComment(thread.threadId(), null);
        assertThat(edited.body()).isEqualTo("Second <b>version</b> of my remark.");
        assertThat(edited.edited()).isNotNull();
        assertThat(jdbc.queryForList(
                        "select previous_body from community_comment_revisions where comment_id = ?",
                        String.class,
                        commentId))
                .containsExactly("First <b>version</b> of my remark.");
        assertThatThrownBy(() -> posting.editComment(actor(asker), commentId, "Someone else's words."))
                .isInstanceOf(CommunityProblem.class)
                .hasMessage("You cannot edit this comment.");
        posting.editComment(actor(moderator), commentId, "Moderated version of the remark.");
        assertThat(moderation.moderationLog(actor(moderator), 0).getContent())
                .anyMatch(e -> e.action().equals("EDIT_COMMENT") && e.detail().equals("comment #" + commentId));

        assertThatThrownBy(() -> flagging.flagComment(actor(member("New Flagger", 10)), commentId, "SPAM", null))
                .hasMessageContaining("Flagging needs");
        flagging.flagComment(actor(established("Comment Flagger One")), commentId, "OFFENSIVE", null);
        assertThat(onlyComment(thread.threadId(), null).hidden()).isFalse();
        flagging.flagComment(actor(established("Comment Flagger Two")), commentId, "OFFENSIVE", null);

        assertThat(pages.thread(thread.threadId(), null, AnswerSort.VOTES)
                        .orElseThrow()
                        .question()
                        .comments())
                .as("hidden for visitors")
                .isEmpty();
        assertThat(pages.thread(thread.threadId(), actor(asker), AnswerSort.VOTES)
                        .orElseThrow()
                        .question()
                        .comments())
                .as("hidden for other members")
                .isEmpty();
        assertThat(onlyComment(thread.threadId(), commenter).hidden())
                .as("its author still sees it")
                .isTrue();
        assertThat(queueItems(actor(moderator)))
                .anyMatch(item -> Long.valueOf(commentId).equals(item.commentId())
                        && item.flags().size() == 2);

        moderation.moderateComment(actor(moderator), commentId, ModerationAction.DISMISS, "Fine after all");
        assertThat(onlyComment(thread.threadId(), null).hidden()).isFalse();
        assertThat(queueItems(actor(moderator)))
                .noneMatch(item -> Long.valueOf(commentId).equals(item.commentId()));
    }

    private CommentView onlyComment(long threadId, Member viewer) {
        List<CommentView> comments = pages.thread(threadId, viewer == null ? null : actor(viewer), AnswerSort.VOTES)
                .orElseThrow()
                .question()
                .comments();
        assertThat(comments).hasSize(1);
        return comments.getFirst();
    }

    @Test
    void theIndexHoldsTheThreadWithItsAcceptedAnswer() {
        Member asker = member("Asker Index", 10);
        Member answerer = member("Answerer Index", 10);
        var thread = question(asker, "How to rotate the quuxinator credentials?");
        var answer = answer(answerer, thread.threadId(), "Open settings and press the frobnicate button.");
        voting.accept(actor(asker), answer.postId());

        awaitIndexed("frobnicate", thread.threadId());
        SearchResults results = search.search(SearchQuery.of("quuxinator"), false);
        assertThat(results.hits()).anyMatch(h -> h.type().equals("thread") && h.id() == thread.threadId());
    }

    @Test
    void postingTooQuicklyIsRefusedWithTheSecondsToWait() {
        PostingLimits strict = new PostingLimits(
                new CommunitySettings(15, 100, 2, 5, 2, Duration.ofSeconds(30), 2),
                com.answerloop.shared.ratelimit.BucketStore.inMemory(Duration.ofDays(1), java.time.Clock.systemUTC()));
        Actor member = new Actor(1, "Quick", false, false, null, false);
        strict.post(member);
        assertThatThrownBy(() -> strict.post(member))
                .isInstanceOf(CommunityProblem.class)
                .hasMessageMatching("You are posting too quickly. Try again in (29|30) seconds.")
                .extracting(p -> ((CommunityProblem) p).retryAfterSeconds())
                .isIn(29L, 30L);
        strict.vote(member);
        strict.vote(member);
        assertThatThrownBy(() -> strict.vote(member)).hasMessageContaining("voting too quickly");
        strict.post(new Actor(2, "Moderator", true, false, null, false));
        strict.post(new Actor(2, "Moderator", true, false, null, false));
    }

    private List<Long> visibleAnswerIds(long threadId) {
        return pages.thread(threadId, null, AnswerSort.VOTES).orElseThrow().answers().stream()
                .map(PostView::id)
                .toList();
    }

    /** Earlier classes in this shared context can leave index updates queued; the bound is for this test's own. */
    private void awaitIndexed(String word, long threadId) {
        awaitBackgroundWorkDone();
        Awaitility.await()
                .atMost(AFTER_COMMIT)
                .untilAsserted(() -> assertThat(
                                search.search(SearchQuery.of(word), false).hits())
                        .anyMatch(h -> h.type().equals("thread") && h.id() == threadId));
    }

    private void awaitNotFound(String word) {
        awaitBackgroundWorkDone();
        Awaitility.await()
                .atMost(AFTER_COMMIT)
                .untilAsserted(() -> assertThat(
                                search.search(SearchQuery.of(word), false).hits())
                        .noneMatch(h -> h.type().equals("thread")));
    }
}
