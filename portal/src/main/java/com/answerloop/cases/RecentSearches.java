package com.answerloop.cases;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Remembers, in the visitor's session, the words they searched for during this visit (site search and the contact
 * form's own suggestion lookups), so a request they then submit carries the customer's own vocabulary. The words
 * stay in the session (memory) and reach the database only if the visitor submits a request.
 */
class RecentSearches implements HandlerInterceptor {

    static final String ATTRIBUTE = RecentSearches.class.getName();
    private static final int MAX_QUERIES = 10;
    private static final int MAX_LENGTH = 200;

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String q = request.getParameter("q");
        if (q == null || q.isBlank()) {
            return true;
        }
        // A page search starts the visit's memory; an API call only adds to a visit that already has one, so
        // integrations and scripts calling the API do not leave a session behind per request.
        HttpSession session =
                request.getRequestURI().startsWith("/api/") ? request.getSession(false) : request.getSession();
        if (session != null) {
            remember(session, q);
        }
        return true;
    }

    static void remember(HttpSession session, String query) {
        String text = query == null ? "" : query.strip().replaceAll("\\s+", " ");
        if (text.length() < 3) {
            return;
        }
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH);
        }
        List<String> queries = new ArrayList<>(of(session));
        String added = text;
        // "how do i res" typed before "how do i reset my password": keep only the complete phrase
        queries.removeIf(earlier -> added.toLowerCase().startsWith(earlier.toLowerCase()));
        if (queries.stream().anyMatch(earlier -> earlier.toLowerCase().startsWith(added.toLowerCase()))) {
            return;
        }
        queries.add(text);
        while (queries.size() > MAX_QUERIES) {
            queries.removeFirst();
        }
        session.setAttribute(ATTRIBUTE, queries);
    }

    @SuppressWarnings("unchecked")
    static List<String> of(HttpSession session) {
        Object value = session == null ? null : session.getAttribute(ATTRIBUTE);
        return value instanceof List<?> list ? (List<String>) list : List.of();
    }

    static void clear(HttpSession session) {
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }
}
