package com.answerloop.knowledge;

/**
 * An article is waiting for validation (submitted, or revised while not validated): in KCS terms "not validated",
 * which agents may find and use in cases while customers never see it. {@code article.state()} says so.
 */
public record ArticleSubmitted(IndexableArticle article) {}
