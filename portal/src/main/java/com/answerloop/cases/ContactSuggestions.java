package com.answerloop.cases;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The contact form's suggested answers as steps of a funnel, for the analytics module: it reads, after the response,
 * whether a request showed suggestions, opened one or said one answered the question, and whether a visitor who came
 * to the form had searched first. Each step is about the visitor, whom only the request knows, so it is told through
 * the request rather than an event.
 */
public final class ContactSuggestions {

    /** Opens a suggested answer (a redirect to it), so that the opening is seen. */
    public static final String OPEN_PATH = "/contact/suggestions/open";

    /** "This answered my question". */
    public static final String ANSWERED_PATH = "/contact/answered";

    private static final String SHOWN = ContactSuggestions.class.getName() + ".shown";

    private ContactSuggestions() {}

    static void shown(HttpServletRequest request, int suggestions) {
        request.setAttribute(SHOWN, suggestions);
    }

    /**
     * Whether the visitor searched in the last half hour (the help center's search, or this form's own lookups): the
     * words are in their browser's short-lived cookie ({@link RecentSearches}), never on the server.
     */
    public static boolean searchedBefore(HttpServletRequest request) {
        return !RecentSearches.of(request).isEmpty();
    }

    /** How many suggested answers this request showed: 0 when none, or when it was not a suggestion lookup. */
    public static int shownIn(HttpServletRequest request) {
        return request.getAttribute(SHOWN) instanceof Integer shown ? shown : 0;
    }
}
