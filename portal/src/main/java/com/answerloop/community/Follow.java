package com.answerloop.community;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A member following a thread (new answers, accepted answer) or a topic (new questions). */
@Entity
@Table(name = "community_follows")
class Follow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long accountId;
    private Long threadId;
    private Long topicId;
    private Instant createdAt;

    protected Follow() {}

    Follow(long accountId, Long threadId, Long topicId, Instant now) {
        this.accountId = accountId;
        this.threadId = threadId;
        this.topicId = topicId;
        this.createdAt = now;
    }

    long accountId() {
        return accountId;
    }
}
