package com.answerloop.capture;

/** An agent flagged an article as needing an update; it lands in the editors' queue. */
public record ArticleFlagged(String documentKey, String url, String note) {}
