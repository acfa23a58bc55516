package com.answerloop.analytics;

import com.answerloop.accounts.Roles;
import com.answerloop.cases.ContactSuggestions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notes who used the help center and who opened a request, for the self-service score, without a cookie: after the
 * response, a help-center page view (a successful GET of a public HTML page), a submitted request (the contact form's
 * redirect to its confirmation) or a step of the contact form's funnel (suggested answers shown, one opened, "this
 * answered my question"), a search, or the contact form opened within half an hour of a search queues the visitor's
 * daily hash, and an article page counts a view of that article
 * (batched like every count, so views need no event per page; staff's views are left out of the customers' count).
 * Nothing is written on the request thread.
 */
@Component
class VisitorTracking extends OncePerRequestFilter {

    /** The public help-center pages: home, articles, categories, search, community. */
    private static final Pattern HELP_CENTER =
            Pattern.compile("^/($|articles/|categories|search$|community($|/threads/|/topics/|/tags/)|threads/).*");

    /** An article page, for its view count: /articles/{slug}. */
    private static final Pattern ARTICLE = Pattern.compile("^/articles/([^/]+)$");

    private final Visitors visitors;
    private final AnalyticsBuffer buffer;

    VisitorTracking(Visitors visitors, AnalyticsBuffer buffer) {
        this.visitors = visitors;
        this.buffer = buffer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        String kind = kind(request, response);
        if (Visitors.HELP.equals(kind)) {
            Matcher article = ARTICLE.matcher(path(request));
            if (article.matches()) {
                buffer.count(Metric.ARTICLE_VIEWS, article.group(1));
                if (!Roles.currentReaderSeesInternal()) {
                    buffer.count(Metric.CUSTOMER_ARTICLE_VIEWS, article.group(1));
                }
            }
        }
        String searchStep = searchStep(request, response);
        if (kind != null || searchStep != null) {
            LocalDate today = buffer.today();
            String userAgent = request.getHeader("User-Agent");
            String visitor = visitors.hash(today, request.getRemoteAddr(), userAgent == null ? "" : userAgent);
            if (kind != null) {
                buffer.sighted(today, kind, visitor);
            }
            if (searchStep != null) {
                buffer.sighted(today, searchStep, visitor);
            }
        }
    }

    /** A search page with words (searched), or the contact form opened after a search (contacted), or null. */
    private static String searchStep(HttpServletRequest request, HttpServletResponse response) {
        if (!"GET".equals(request.getMethod()) || response.getStatus() != 200 || !isHtml(response)) {
            return null;
        }
        String path = path(request);
        String words = request.getParameter("q");
        if ("/search".equals(path) && words != null && !words.isBlank()) {
            return Visitors.SEARCHED;
        }
        return "/contact".equals(path) && ContactSuggestions.searchedBefore(request) ? Visitors.CONTACTED : null;
    }

    private static boolean isHtml(HttpServletResponse response) {
        return response.getContentType() != null && response.getContentType().startsWith("text/html");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static String kind(HttpServletRequest request, HttpServletResponse response) {
        String path = path(request);
        if ("GET".equals(request.getMethod())
                && response.getStatus() == 200
                && isHtml(response)
                && HELP_CENTER.matcher(path).matches()) {
            return Visitors.HELP;
        }
        String location = response.getHeader("Location");
        if ("POST".equals(request.getMethod())
                && "/contact".equals(path)
                && response.getStatus() == 302
                && location != null
                && location.contains("/contact/sent")) {
            return Visitors.CASE;
        }
        return contactFunnelStep(request, response, path, location);
    }

    /** A step of the contact form's funnel this request took, or null. */
    private static String contactFunnelStep(
            HttpServletRequest request, HttpServletResponse response, String path, String location) {
        if (ContactSuggestions.shownIn(request) > 0 && response.getStatus() == 200) {
            return Visitors.SUGGESTED;
        }
        if ("GET".equals(request.getMethod())
                && ContactSuggestions.OPEN_PATH.equals(path)
                && response.getStatus() == 302
                && location != null
                && !location.endsWith("/contact")) {
            return Visitors.OPENED;
        }
        if ("POST".equals(request.getMethod())
                && ContactSuggestions.ANSWERED_PATH.equals(path)
                && (response.getStatus() == 200 || response.getStatus() == 204)) {
            return Visitors.ANSWERED;
        }
        return null;
    }
}
