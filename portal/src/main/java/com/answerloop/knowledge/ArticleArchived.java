package com.answerloop.knowledge;

/** An article was archived: it must disappear from search and listings. Nothing is deleted. */
public record ArticleArchived(long articleId, String slug) {}
