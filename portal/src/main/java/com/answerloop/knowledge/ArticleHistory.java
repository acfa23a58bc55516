package com.answerloop.knowledge;

import java.time.Instant;

/** One version in an article's history. */
public record ArticleHistory(int number, String title, Instant createdAt, String createdBy, boolean current) {}
