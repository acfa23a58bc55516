package com.answerloop.knowledge;

import java.time.Instant;

/** What a reader wrote with a "Was this helpful? No" vote: shown to editors only, never to other readers. */
public record ReaderComment(String text, Instant at) {}
