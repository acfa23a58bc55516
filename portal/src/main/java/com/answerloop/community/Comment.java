package com.answerloop.community;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A short plain-text remark under a question or answer; editable by its author, hidden by flags or moderators. */
@Entity
@Table(name = "community_comments")
class Comment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long postId;
    private long authorId;
    private String body;
    private Instant createdAt;
    private Instant editedAt;
    private boolean hidden;

    protected Comment() {}

    Comment(long postId, long authorId, String body, Instant now) {
        this.postId = postId;
        this.authorId = authorId;
        this.body = body;
        this.createdAt = now;
    }

    long id() {
        return id;
    }

    long postId() {
        return postId;
    }

    long authorId() {
        return authorId;
    }

    String body() {
        return body;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant editedAt() {
        return editedAt;
    }

    boolean hidden() {
        return hidden;
    }

    void hidden(boolean hidden) {
        this.hidden = hidden;
    }

    void edit(String body, Instant now) {
        this.body = body;
        this.editedAt = now;
    }
}
