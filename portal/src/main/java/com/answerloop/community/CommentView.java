package com.answerloop.community;

import java.time.Instant;

/** A comment as the thread page shows it; {@code body} is plain text, escaped by the template. */
public record CommentView(long id, long authorId, String authorName, String body, Instant created) {}
