package com.answerloop.capture;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** "Flag it or fix it": an agent's note that an article needs an update; open until an editor resolves it. */
@Entity
@Table(name = "article_flags")
class ArticleFlag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String documentKey;
    private String title;
    private String url;
    private Long caseId;
    private String note;
    private String flaggedBy;
    private Instant createdAt;
    private Instant resolvedAt;
    private String resolvedBy;

    protected ArticleFlag() {}

    ArticleFlag(String documentKey, String title, String url, Long caseId, String note, String flaggedBy, Instant now) {
        this.documentKey = documentKey;
        this.title = title;
        this.url = url;
        this.caseId = caseId;
        this.note = note;
        this.flaggedBy = flaggedBy;
        this.createdAt = now;
    }

    /** Resolves the flag and tells how long it was open. */
    ArticleFlagResolved resolve(String by, Instant now) {
        this.resolvedAt = now;
        this.resolvedBy = by;
        return new ArticleFlagResolved(
                documentKey, Duration.between(createdAt, now).toSeconds());
    }

    boolean isOpen() {
        return resolvedAt == null;
    }

    FlagView toView() {
        return new FlagView(id, documentKey, title, url, note, flaggedBy, createdAt, resolvedAt != null);
    }
}
