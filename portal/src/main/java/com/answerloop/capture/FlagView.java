package com.answerloop.capture;

import java.time.Instant;

/** An agent's flag on an article, for the editors' queue. */
public record FlagView(
        long id,
        String documentKey,
        String title,
        String url,
        String note,
        String flaggedBy,
        Instant createdAt,
        boolean resolved) {}
