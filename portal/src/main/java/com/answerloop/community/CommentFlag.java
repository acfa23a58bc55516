package com.answerloop.community;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A member's flag on a comment; the same reasons, trust and outcomes as a {@link Flag} on a post. */
@Entity
@Table(name = "community_comment_flags")
class CommentFlag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long commentId;
    private long flaggerId;

    @Enumerated(EnumType.STRING)
    private Flag.Reason reason;

    private String note;
    private boolean trusted;

    @Enumerated(EnumType.STRING)
    private Flag.Status status;

    private Long resolvedBy;
    private Instant createdAt;
    private Instant resolvedAt;

    protected CommentFlag() {}

    CommentFlag(long commentId, long flaggerId, Flag.Reason reason, String note, boolean trusted, Instant now) {
        this.commentId = commentId;
        this.flaggerId = flaggerId;
        this.reason = reason;
        this.note = note;
        this.trusted = trusted;
        this.status = Flag.Status.OPEN;
        this.createdAt = now;
    }

    long commentId() {
        return commentId;
    }

    long flaggerId() {
        return flaggerId;
    }

    Flag.Reason reason() {
        return reason;
    }

    String note() {
        return note;
    }

    boolean trusted() {
        return trusted;
    }

    void resolve(Flag.Status status, long moderatorId, Instant now) {
        this.status = status;
        this.resolvedBy = moderatorId;
        this.resolvedAt = now;
    }
}
