package com.answerloop.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Followers of a busy thread hear of each answer after the answer committed (issue 16): the answer's transaction,
 * which holds the thread's row locked, writes no notification, and every follower is still told about every answer.
 */
class AnswerNotificationsIT extends CommunityTestSupport {

    static final int FOLLOWERS = 60;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theAnswersTransactionWritesNoNotificationAndEveryFollowerIsToldAfterCommit() {
        Member asker = member("Asker Busy", 10);
        var thread = question(asker, "Which followers hear about answers on a busy thread?");
        List<Member> followers = followers(thread.threadId(), "Busy");
        Member answerer = member("Answerer Busy", 10);

        long notificationsInTheAnswersTransaction = new TransactionTemplate(transactions).execute(status -> {
            var answer = answer(answerer, thread.threadId(), "Followers are told once this answer is saved.");
            // still inside the transaction that locked the thread's row; it sees its own writes
            return jdbc.queryForObject(
                    "select count(*) from community_notifications where post_id = ?", Long.class, answer.postId());
        });

        assertThat(notificationsInTheAnswersTransaction).isZero();
        awaitEveryFollowerNotified(followers, asker, 1);
    }

    @Test
    void concurrentAnswersOnAThreadWithManyFollowersAllSucceedAndEveryFollowerHearsOfEach() throws Exception {
        Member asker = member("Asker Crowd", 10);
        var thread = question(asker, "Do concurrent answers reach every follower of the thread?");
        List<Member> followers = followers(thread.threadId(), "Crowd");
        List<Callable<Posting.PostResult>> writers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Member answerer = member("Crowd Answerer " + i, 10);
            writers.add(() -> answer(answerer, thread.threadId(), "Answer number " + answerer.name() + "."));
        }

        List<Posting.PostResult> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers.size())) {
            for (Future<Posting.PostResult> written : pool.invokeAll(writers)) {
                answers.add(written.get()); // an exception here is a refused answer
            }
        }

        assertThat(answers).hasSize(writers.size()).noneMatch(Posting.PostResult::held);
        assertThat(pages.thread(thread.threadId(), null, AnswerSort.OLDEST)
                        .orElseThrow()
                        .answers())
                .hasSize(writers.size());
        awaitEveryFollowerNotified(followers, asker, writers.size());
    }

    /** Members who follow the thread. */
    private List<Member> followers(long threadId, String name) {
        List<Member> followers = new ArrayList<>();
        for (int i = 0; i < FOLLOWERS; i++) {
            Member follower = member(name + " Follower " + i, 10);
            subscriptions.follow(follower.id(), threadId, null);
            subscriptions.setMail(follower.id(), false); // their notifications are the subject, not mail
            followers.add(follower);
        }
        return followers;
    }

    private void awaitEveryFollowerNotified(List<Member> followers, Member asker, int answers) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> followers.stream().allMatch(f -> subscriptions.unreadCount(f.id()) == answers));
        assertThat(subscriptions.unreadCount(asker.id())).isEqualTo(answers);
        assertThat(subscriptions.notifications(followers.getFirst().id(), 0).getContent())
                .extracting(NotificationView::message)
                .hasSize(answers)
                .allMatch(m -> m.contains(" answered \""));
    }
}
