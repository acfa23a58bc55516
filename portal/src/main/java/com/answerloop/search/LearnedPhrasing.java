package com.answerloop.search;

import java.time.Instant;

/**
 * A way people ask for an article, as editors see it.
 *
 * @param sources how many different visitors or cases gave it
 */
public record LearnedPhrasing(String phrasing, long sources, Instant lastSeen) {}
