package com.answerloop.knowledge;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.Immutable;

/**
 * One immutable version of an article. The front matter text and body are kept exactly as they
 * arrived, so exporting a version gives back the file it came from.
 */
@Entity
@Immutable
@Table(name = "article_versions")
class ArticleVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long articleId;
    private int number;
    private String title;
    private String summary;
    private String tags;

    @Enumerated(EnumType.STRING)
    private Visibility visibility;

    private LocalDate updatedOn;
    private String frontMatter;
    private String body;
    private String contentHash;
    private Instant createdAt;
    private String createdBy;

    protected ArticleVersion() {}

    ArticleVersion(long articleId, int number, ArticleSource source, Instant now, String createdBy) {
        this.articleId = articleId;
        this.number = number;
        this.title = source.title();
        this.summary = source.summary();
        this.tags = String.join(",", source.tags());
        this.visibility = source.visibility();
        this.updatedOn = source.updated();
        this.frontMatter = source.frontMatter();
        this.body = source.body();
        this.contentHash = source.contentHash();
        this.createdAt = now;
        this.createdBy = createdBy;
    }

    Long id() {
        return id;
    }

    long articleId() {
        return articleId;
    }

    int number() {
        return number;
    }

    String title() {
        return title;
    }

    String summary() {
        return summary;
    }

    List<String> tagList() {
        return tags.isEmpty() ? List.of() : Arrays.asList(tags.split(","));
    }

    Visibility visibility() {
        return visibility;
    }

    LocalDate updatedOn() {
        return updatedOn;
    }

    String frontMatter() {
        return frontMatter;
    }

    String body() {
        return body;
    }

    String contentHash() {
        return contentHash;
    }

    Instant createdAt() {
        return createdAt;
    }

    String createdBy() {
        return createdBy;
    }
}
