package com.answerloop.community;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A member's report that a post, or a comment on it ({@code commentId} set), needs a moderator's attention;
 * {@code trusted} flags count toward auto-hiding. One model for both, so the queue and the decisions have one path.
 */
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
    private Long commentId;

    /** {@code post:<id>} or {@code comment:<id>}: what is flagged, unique per flagger. */
    private String subject;

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

    Flag(long postId, Long commentId, long flaggerId, Reason reason, String note, boolean trusted, Instant now) {
        this.postId = postId;
        this.commentId = commentId;
        this.subject = subject(postId, commentId);
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

    /** The key of what is flagged: the comment when there is one, else the post. */
    static String subject(long postId, Long commentId) {
        return commentId == null ? "post:" + postId : "comment:" + commentId;
    }

    long postId() {
        return postId;
    }

    Long commentId() {
        return commentId;
    }

    String subject() {
        return subject;
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
