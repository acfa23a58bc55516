package com.answerloop.search;

import java.util.Locale;
import java.util.Optional;

/** How results are ordered. */
public enum SearchSort {
    RELEVANCE,
    RECENCY;

    /** Lenient, for pages: anything unknown means relevance. */
    public static SearchSort parse(String value) {
        return fromParameter(value).orElse(RELEVANCE);
    }

    /**
     * The documented values: {@code relevance} (also when absent or blank) and {@code recent} ({@code recency}, as the
     * results page writes it, too); empty for anything else.
     */
    public static Optional<SearchSort> fromParameter(String value) {
        String name = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "", "relevance" -> Optional.of(RELEVANCE);
            case "recent", "recency" -> Optional.of(RECENCY);
            default -> Optional.empty();
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
