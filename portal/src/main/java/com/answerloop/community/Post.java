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
 * The question or one answer of a thread: Markdown body, score, and the flags that decide who sees it. A hidden
 * post was removed by moderators or flags; a held post waits for a moderator to approve it.
 */
@Entity
@Table(name = "community_posts")
class Post {

    enum Kind {
        QUESTION,
        ANSWER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long threadId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private long authorId;
    private String body;
    private int score;
    private boolean accepted;
    private boolean official;
    private boolean hidden;
    private boolean held;
    private Instant createdAt;
    private Instant editedAt;

    protected Post() {}

    Post(long threadId, Kind kind, long authorId, String body, boolean held, Instant now) {
        this.threadId = threadId;
        this.kind = kind;
        this.authorId = authorId;
        this.body = body;
        this.held = held;
        this.createdAt = now;
    }

    long id() {
        return id;
    }

    long threadId() {
        return threadId;
    }

    Kind kind() {
        return kind;
    }

    boolean isQuestion() {
        return kind == Kind.QUESTION;
    }

    long authorId() {
        return authorId;
    }

    String body() {
        return body;
    }

    int score() {
        return score;
    }

    boolean accepted() {
        return accepted;
    }

    boolean official() {
        return official;
    }

    boolean hidden() {
        return hidden;
    }

    boolean held() {
        return held;
    }

    /** Whether readers other than moderators and the author see it. */
    boolean visible() {
        return !hidden && !held;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant editedAt() {
        return editedAt;
    }

    void edit(String body, Instant now) {
        this.body = body;
        this.editedAt = now;
    }

    void score(int score) {
        this.score = score;
    }

    void accepted(boolean accepted) {
        this.accepted = accepted;
    }

    void official(boolean official) {
        this.official = official;
    }

    void hidden(boolean hidden) {
        this.hidden = hidden;
    }

    void held(boolean held) {
        this.held = held;
    }

    void moveTo(long threadId) {
        this.threadId = threadId;
    }
}
