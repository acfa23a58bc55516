package com.answerloop.capture;

import java.time.Instant;

/** How often a document was linked to cases, and when last. */
public record ReuseStats(String documentKey, long linkCount, Instant lastLinked) {}
