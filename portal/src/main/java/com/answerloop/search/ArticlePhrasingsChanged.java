package com.answerloop.search;

/** An article gained or lost a learned phrasing, so its index entry is written again. */
public record ArticlePhrasingsChanged(long articleId) {}
