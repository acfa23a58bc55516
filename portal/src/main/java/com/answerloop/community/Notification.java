package com.answerloop.community;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Something a member should know about, shown in the portal until read. */
@Entity
@Table(name = "community_notifications")
class Notification {

    enum Kind {
        ANSWER,
        ACCEPTED,
        MENTION,
        QUESTION
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long accountId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private long threadId;
    private Long postId;
    private String message;
    private Instant createdAt;
    private Instant readAt;

    protected Notification() {}

    Notification(long accountId, Kind kind, long threadId, Long postId, String message, Instant now) {
        this.accountId = accountId;
        this.kind = kind;
        this.threadId = threadId;
        this.postId = postId;
        this.message = message.length() > 300 ? message.substring(0, 297) + "..." : message;
        this.createdAt = now;
    }

    long id() {
        return id;
    }

    long accountId() {
        return accountId;
    }

    long threadId() {
        return threadId;
    }

    Long postId() {
        return postId;
    }

    String message() {
        return message;
    }

    /**
     * The idempotency key of this notification's email, the same at every delivery of its event. The creation time
     * keeps it apart from a notification with the same id in a database started afresh (mail clients would hide it).
     */
    String mailKey() {
        return "community-notification-" + id + "." + createdAt.toEpochMilli();
    }

    NotificationView toView() {
        return new NotificationView(id, kind.name(), threadId, postId, message, createdAt, readAt == null);
    }

    void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }
}
