package com.answerloop.cases;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Remembers the words the visitor searched for during this visit (site search and the contact form's own suggestion
 * lookups), so a request they then submit carries the customer's own vocabulary. The words live in a short-lived
 * cookie in the visitor's browser, not in a server session: a session per anonymous search cost about 700 bytes of
 * heap for 8 hours, and a crawler at 50 searches a second would fill a 1 GB heap. They reach the database only if
 * the visitor submits a request.
 */
class RecentSearches implements HandlerInterceptor {

    static final String COOKIE = "al_searched";
    private static final Duration KEPT_FOR = Duration.ofMinutes(30);
    private static final int MAX_QUERIES = 10;
    private static final int MAX_LENGTH = 200;
    /** Sent with every request to the site: kept well under the 4 KB a browser allows per cookie. */
    private static final int MAX_COOKIE = 1_200;

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String q = request.getParameter("q");
        // A page search starts the visit's memory; an API call only adds to a visit that already has one, so
        // integrations and scripts calling the API get no cookie.
        if (q != null && !q.isBlank() && (!request.getRequestURI().startsWith("/api/") || cookie(request) != null)) {
            remember(request, response, q);
        }
        return true;
    }

    static void remember(HttpServletRequest request, HttpServletResponse response, String query) {
        String text = query == null ? "" : query.strip().replaceAll("\\s+", " ");
        if (text.length() < 3) {
            return;
        }
        if (text.length() > MAX_LENGTH) {
            text = text.substring(0, MAX_LENGTH);
        }
        List<String> queries = new ArrayList<>(of(request));
        String added = text;
        // "how do i res" typed before "how do i reset my password": keep only the complete phrase
        queries.removeIf(earlier -> added.toLowerCase().startsWith(earlier.toLowerCase()));
        if (queries.stream().anyMatch(earlier -> earlier.toLowerCase().startsWith(added.toLowerCase()))) {
            return;
        }
        queries.add(text);
        String value = encode(queries);
        while (queries.size() > 1 && (queries.size() > MAX_QUERIES || value.length() > MAX_COOKIE)) {
            queries.removeFirst();
            value = encode(queries);
        }
        write(request, response, value, KEPT_FOR);
    }

    static List<String> of(HttpServletRequest request) {
        String value = cookie(request);
        if (value == null) {
            return List.of();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\n"))
                    .filter(query -> !query.isBlank())
                    .limit(MAX_QUERIES)
                    .map(query -> query.length() > MAX_LENGTH ? query.substring(0, MAX_LENGTH) : query)
                    .toList();
        } catch (IllegalArgumentException tampered) {
            return List.of();
        }
    }

    static void clear(HttpServletRequest request, HttpServletResponse response) {
        if (cookie(request) != null) {
            write(request, response, "", Duration.ZERO);
        }
    }

    private static String encode(List<String> queries) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join("\n", queries).getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, String value, Duration age) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        cookie.setMaxAge((int) age.toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        cookie.setSecure(request.isSecure());
        response.addCookie(cookie);
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        return Arrays.stream(cookies)
                .filter(cookie -> COOKIE.equals(cookie.getName()))
                .map(Cookie::getValue)
                .findFirst()
                .orElse(null);
    }
}
