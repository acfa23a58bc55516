package com.answerloop.community;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A short plain-text remark under a question or answer. */
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
}
