package com.answerloop.search;

/**
 * A typeahead suggestion: an article title (with its page) or a popular past query.
 *
 * @param url the page to open for a title, {@code null} for a query
 */
public record Suggestion(Kind kind, String text, String url) {

    public enum Kind {
        TITLE,
        QUERY
    }
}
