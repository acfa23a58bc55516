package com.answerloop.community;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One immutable state of a post, kept on every edit so anyone can see who changed what and when. */
@Entity
@Table(name = "community_revisions")
class Revision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long postId;
    private int number;
    private long editorId;
    private String title;
    private String tags;
    private String body;
    private Instant createdAt;

    protected Revision() {}

    Revision(long postId, int number, long editorId, String title, String tags, String body, Instant now) {
        this.postId = postId;
        this.number = number;
        this.editorId = editorId;
        this.title = title;
        this.tags = tags;
        this.body = body;
        this.createdAt = now;
    }

    long postId() {
        return postId;
    }

    int number() {
        return number;
    }

    long editorId() {
        return editorId;
    }

    String title() {
        return title;
    }

    String tags() {
        return tags;
    }

    String body() {
        return body;
    }

    Instant createdAt() {
        return createdAt;
    }
}
