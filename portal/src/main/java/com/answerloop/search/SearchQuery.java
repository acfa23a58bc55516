package com.answerloop.search;

import java.util.List;

/**
 * A search as a reader asks it: text (with {@code "phrases"} and {@code -exclusions}), optional filters, sort and page.
 *
 * @param page zero-based
 */
public record SearchQuery(
        String text, String category, List<String> tags, String type, SearchSort sort, int page, int size) {

    public static final int MAX_SIZE = 50;
    public static final int MAX_PAGE = 99;

    public SearchQuery {
        text = text == null ? "" : text;
        category = blankToNull(category);
        type = blankToNull(type);
        tags = tags == null
                ? List.of()
                : tags.stream()
                        .filter(t -> t != null && !t.isBlank())
                        .distinct()
                        .toList();
        sort = sort == null ? SearchSort.RELEVANCE : sort;
        if (page < 0 || page > MAX_PAGE) {
            throw new IllegalArgumentException("page must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
    }

    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, List.of(), null, SearchSort.RELEVANCE, 0, 10);
    }

    /** The same search with other words: the same filters, sort and page. */
    public SearchQuery withText(String other) {
        return new SearchQuery(other, category, tags, type, sort, page, size);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
