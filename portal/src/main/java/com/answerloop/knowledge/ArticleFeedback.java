package com.answerloop.knowledge;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reader's answer to "Was this helpful?". The voter is a hash of an anonymous browser token, never a person. */
@Entity
@Table(name = "article_feedback")
class ArticleFeedback {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long articleId;
    private String voter;
    private boolean helpful;
    private String comment;
    private Instant createdAt;

    protected ArticleFeedback() {}

    ArticleFeedback(long articleId, String voter, boolean helpful, String comment, Instant now) {
        this.articleId = articleId;
        this.voter = voter;
        this.helpful = helpful;
        this.comment = comment;
        this.createdAt = now;
    }

    void change(boolean helpful, String comment, Instant now) {
        this.helpful = helpful;
        this.comment = comment;
        this.createdAt = now;
    }

    boolean helpful() {
        return helpful;
    }

    String comment() {
        return comment;
    }

    long articleId() {
        return articleId;
    }

    ReaderComment toReaderComment() {
        return new ReaderComment(comment, createdAt);
    }
}
