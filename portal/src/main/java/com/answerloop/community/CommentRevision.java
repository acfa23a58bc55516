package com.answerloop.community;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A comment's text before an edit, with who edited it and when. */
@Entity
@Table(name = "community_comment_revisions")
class CommentRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long commentId;
    private long editorId;
    private String previousBody;
    private Instant createdAt;

    protected CommentRevision() {}

    CommentRevision(long commentId, long editorId, String previousBody, Instant now) {
        this.commentId = commentId;
        this.editorId = editorId;
        this.previousBody = previousBody;
        this.createdAt = now;
    }

    long editorId() {
        return editorId;
    }

    String previousBody() {
        return previousBody;
    }
}
