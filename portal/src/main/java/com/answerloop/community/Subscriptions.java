package com.answerloop.community;

import java.time.Clock;
import java.time.Instant;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Follows of threads and topics, a member's notifications, and whether they get forum emails. */
@Service
@Transactional
class Subscriptions {

    private final Topics topics;
    private final ForumThreads threads;
    private final Follows follows;
    private final Notifications notifications;
    private final MailPreferences mailPreferences;
    private final Notifier notifier;
    private final Clock clock;

    Subscriptions(
            Topics topics,
            ForumThreads threads,
            Follows follows,
            Notifications notifications,
            MailPreferences mailPreferences,
            Notifier notifier,
            Clock clock) {
        this.topics = topics;
        this.threads = threads;
        this.follows = follows;
        this.notifications = notifications;
        this.mailPreferences = mailPreferences;
        this.notifier = notifier;
        this.clock = clock;
    }

    void followThread(Actor actor, long threadId, boolean follow) {
        ForumThread thread = threads.findById(threadId)
                .filter(t -> !t.hidden() || actor.moderator())
                .orElseThrow(() -> CommunityProblem.notFound("thread"));
        if (follow) {
            follow(actor.id(), thread.id(), null);
        } else {
            follows.unfollowThread(actor.id(), thread.id());
        }
    }

    void followTopic(Actor actor, String topicSlug, boolean follow) {
        Topic topic = topics.findBySlug(topicSlug).orElseThrow(() -> CommunityProblem.notFound("topic"));
        if (follow) {
            follow(actor.id(), null, topic.id());
        } else {
            follows.unfollowTopic(actor.id(), topic.id());
        }
    }

    /** Follows a thread or (threadId null) a topic, once. */
    void follow(long accountId, Long threadId, Long topicId) {
        boolean exists = threadId != null
                ? follows.findByAccountIdAndThreadId(accountId, threadId).isPresent()
                : follows.findByAccountIdAndTopicId(accountId, topicId).isPresent();
        if (!exists) {
            follows.save(new Follow(accountId, threadId, topicId, clock.instant()));
        }
    }

    @Transactional(readOnly = true)
    boolean followsTopic(Actor actor, String topicSlug) {
        return actor != null
                && topics.findBySlug(topicSlug)
                        .flatMap(t -> follows.findByAccountIdAndTopicId(actor.id(), t.id()))
                        .isPresent();
    }

    @Transactional(readOnly = true)
    boolean followsThread(Actor actor, long threadId) {
        return actor != null
                && follows.findByAccountIdAndThreadId(actor.id(), threadId).isPresent();
    }

    @Transactional(readOnly = true)
    long unreadCount(long accountId) {
        return notifications.countByAccountIdAndReadAtIsNull(accountId);
    }

    @Transactional(readOnly = true)
    Page<NotificationView> notifications(long accountId, int page) {
        return notifications
                .findByAccountIdOrderByIdDesc(accountId, PageRequest.of(Math.max(0, page), ThreadPages.PAGE_SIZE))
                .map(Notification::toView);
    }

    void markAllRead(long accountId) {
        Instant now = clock.instant();
        notifications.findByAccountIdAndReadAtIsNull(accountId).forEach(n -> n.read(now));
    }

    /** Whether the token belongs to a member (for the unsubscribe page). */
    @Transactional(readOnly = true)
    boolean knownUnsubscribeToken(String token) {
        return token != null
                && token.length() <= 64
                && mailPreferences.findByToken(token).isPresent();
    }

    /** Turns forum emails off (or on) for the member the token belongs to; false for an unknown token. */
    boolean setMail(String token, boolean enabled) {
        if (token == null || token.length() > 64) {
            return false;
        }
        return mailPreferences
                .findByToken(token)
                .map(p -> {
                    p.mailEnabled(enabled);
                    return true;
                })
                .orElse(false);
    }

    @Transactional(readOnly = true)
    boolean mailEnabled(long accountId) {
        return mailPreferences
                .findById(accountId)
                .map(MailPreference::mailEnabled)
                .orElse(true);
    }

    void setMail(long accountId, boolean enabled) {
        notifier.preference(accountId).mailEnabled(enabled);
    }
}
