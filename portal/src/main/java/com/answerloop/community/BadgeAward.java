package com.answerloop.community;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A badge a member earned; badges stay once earned. */
@Entity
@Table(name = "community_badges")
class BadgeAward {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long accountId;
    private String badge;
    private Instant awardedAt;

    protected BadgeAward() {}

    BadgeAward(long accountId, Badge badge, Instant now) {
        this.accountId = accountId;
        this.badge = badge.name();
        this.awardedAt = now;
    }

    Badge badge() {
        return Badge.valueOf(badge);
    }
}
