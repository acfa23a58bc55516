package com.answerloop.community;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One moderation action (by a moderator, or by the system when flags hide a post), visible to moderators. */
@Entity
@Table(name = "community_moderation_log")
class ModerationEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long moderatorId;
    private String action;
    private Long threadId;
    private Long postId;
    private String detail;
    private Instant createdAt;

    protected ModerationEntry() {}

    ModerationEntry(Long moderatorId, String action, Long threadId, Long postId, String detail, Instant now) {
        this.moderatorId = moderatorId;
        this.action = action;
        this.threadId = threadId;
        this.postId = postId;
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        this.createdAt = now;
    }

    Long moderatorId() {
        return moderatorId;
    }

    String action() {
        return action;
    }

    Long threadId() {
        return threadId;
    }

    Long postId() {
        return postId;
    }

    String detail() {
        return detail;
    }

    Instant createdAt() {
        return createdAt;
    }
}
