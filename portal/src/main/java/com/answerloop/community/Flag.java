package com.answerloop.community;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A member's report that a post needs a moderator's attention; {@code trusted} flags count toward auto-hiding. */
@Entity
@Table(name = "community_flags")
class Flag {

    enum Reason {
        SPAM("Spam"),
        OFFENSIVE("Offensive"),
        OFF_TOPIC("Off-topic"),
        NEEDS_MODERATOR("Needs a moderator");

        final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    enum Status {
        OPEN,
        UPHELD,
        DISMISSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long postId;
    private long flaggerId;

    @Enumerated(EnumType.STRING)
    private Reason reason;

    private String note;
    private boolean trusted;

    @Enumerated(EnumType.STRING)
    private Status status;

    private Long resolvedBy;
    private Instant createdAt;
    private Instant resolvedAt;

    protected Flag() {}

    Flag(long postId, long flaggerId, Reason reason, String note, boolean trusted, Instant now) {
        this.postId = postId;
        this.flaggerId = flaggerId;
        this.reason = reason;
        this.note = note;
        this.trusted = trusted;
        this.status = Status.OPEN;
        this.createdAt = now;
    }

    long id() {
        return id;
    }

    long postId() {
        return postId;
    }

    long flaggerId() {
        return flaggerId;
    }

    Reason reason() {
        return reason;
    }

    String note() {
        return note;
    }

    boolean trusted() {
        return trusted;
    }

    Status status() {
        return status;
    }

    Instant createdAt() {
        return createdAt;
    }

    void resolve(Status status, long moderatorId, Instant now) {
        this.status = status;
        this.resolvedBy = moderatorId;
        this.resolvedAt = now;
    }
}
