package com.answerloop.knowledge;

/** An editor sent a not validated article back to its author: work in progress again, visible to the author only. */
public record ArticleSentBack(long articleId, String slug) {}
