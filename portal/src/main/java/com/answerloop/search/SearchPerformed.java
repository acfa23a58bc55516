package com.answerloop.search;

import java.time.Instant;

/**
 * Someone searched. Carries no personal data: the normalised query, how many hits it found and the filters used.
 *
 * @param filters the filters as {@code name=value} pairs joined by {@code &}, empty if none
 */
public record SearchPerformed(String query, long hits, String filters, Instant at) {}
