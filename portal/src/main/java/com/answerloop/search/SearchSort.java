package com.answerloop.search;

import java.util.Locale;

/** How results are ordered. */
public enum SearchSort {
    RELEVANCE,
    RECENCY;

    /** Lenient: anything unknown means relevance. */
    public static SearchSort parse(String value) {
        return value != null && value.strip().toLowerCase(Locale.ROOT).equals("recency") ? RECENCY : RELEVANCE;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
