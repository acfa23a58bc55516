package com.answerloop.capture;

/** An agent linked an article (or thread) to a case: a reuse. {@code documentKey} is the search key, e.g. article:12. */
public record ArticleLinkedToCase(String documentKey, String url, String caseReference) {}
