package com.answerloop.knowledge;

/** A reader answered "Was this helpful?" on an article. Carries no personal data. */
public record ArticleRated(long articleId, String slug, boolean helpful, boolean withComment) {}
