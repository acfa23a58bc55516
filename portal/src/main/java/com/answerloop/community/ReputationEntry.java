package com.answerloop.community;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of the reputation ledger: points a member received, why, for which post and from whom. Withdrawing the
 * cause (a vote, an acceptance) deletes the line, so reputation is always the sum of current causes.
 */
@Entity
@Table(name = "community_reputation")
class ReputationEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long accountId;
    private int points;
    private String reason;
    private long postId;
    private long actorId;
    private Instant createdAt;

    protected ReputationEntry() {}

    ReputationEntry(long accountId, int points, String reason, long postId, long actorId, Instant now) {
        this.accountId = accountId;
        this.points = points;
        this.reason = reason;
        this.postId = postId;
        this.actorId = actorId;
        this.createdAt = now;
    }
}
