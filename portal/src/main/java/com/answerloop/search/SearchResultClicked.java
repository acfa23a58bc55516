package com.answerloop.search;

import java.time.Instant;

/**
 * Someone opened a search result. Carries no personal data.
 *
 * @param documentKey {@code type:id} of the opened document
 * @param position one-based rank of the result on the whole result list
 * @param visitor the pseudonymous key of who clicked, the same as on their {@link SearchPerformed}
 */
public record SearchResultClicked(String query, String documentKey, int position, Instant at, String visitor)
        implements SearchActivity {}
