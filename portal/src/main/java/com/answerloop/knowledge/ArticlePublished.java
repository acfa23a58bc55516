package com.answerloop.knowledge;

/** An article became visible, or its visible content changed (a new published version). */
public record ArticlePublished(IndexableArticle article) {}
