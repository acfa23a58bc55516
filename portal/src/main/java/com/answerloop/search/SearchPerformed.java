package com.answerloop.search;

import java.time.Instant;

/**
 * Someone searched. Carries no personal data: the normalised query, how many hits it found and the filters used.
 *
 * @param filters the filters as {@code name=value} pairs joined by {@code &}, empty if none
 * @param visitor the searcher's pseudonymous key (as stored in the search log), so a consumer can tell one visitor's
 *     searches and clicks in a row from another's
 */
public record SearchPerformed(String query, long hits, String filters, Instant at, String visitor)
        implements SearchActivity {}
