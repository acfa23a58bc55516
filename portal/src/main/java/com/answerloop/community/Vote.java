package com.answerloop.community;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One member's vote on one post: +1 or -1. Changing it updates the row; withdrawing deletes it. */
@Entity
@Table(name = "community_votes")
class Vote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long postId;
    private long voterId;

    @Column(name = "vote_value")
    private int value;

    private Instant createdAt;

    protected Vote() {}

    Vote(long postId, long voterId, int value, Instant now) {
        this.postId = postId;
        this.voterId = voterId;
        this.value = value;
        this.createdAt = now;
    }

    long postId() {
        return postId;
    }

    long voterId() {
        return voterId;
    }

    int value() {
        return value;
    }

    void change(int value, Instant now) {
        this.value = value;
        this.createdAt = now;
    }
}
