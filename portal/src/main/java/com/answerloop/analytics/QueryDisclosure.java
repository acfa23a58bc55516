package com.answerloop.analytics;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Decides which typed text a dashboard, a CSV export or the API may show. Queries are PII-scrubbed before they are
 * stored, but a scrubber cannot recognise every name or order detail a customer types; so a search query is shown only
 * when at least {@code answerloop.analytics.min-query-visitors} distinct visitors typed it, however often one of them
 * did. A request subject is shown when that many requests share it. A rarer text still counts in every total; it is
 * just not listed. For a content-gap cluster, its significant words stand in for wordings too rare to show, once
 * enough visitors (or requests) typed the cluster's wordings together.
 */
@Component
class QueryDisclosure {

    private final long minVisitors;
    private final QueryReach reach;

    QueryDisclosure(AnalyticsSettings settings, QueryReach reach) {
        this.minVisitors = settings.minQueryVisitors();
        this.reach = reach;
    }

    long minVisitors() {
        return minVisitors;
    }

    /**
     * Which of these search queries may be shown. Only queries searched at least {@code min-query-visitors} times can
     * have been typed by that many visitors, so only those are looked up.
     */
    Predicate<String> searchQueries(Map<String, Long> searchesByQuery) {
        List<String> candidates = searchesByQuery.entrySet().stream()
                .filter(e -> e.getValue() >= minVisitors)
                .map(Map.Entry::getKey)
                .toList();
        Set<String> shown = reach.typedByAtLeast(candidates, minVisitors);
        return shown::contains;
    }

    /**
     * Whether a cluster of failed search queries may be listed: enough distinct visitors typed its wordings. A cluster
     * with a wording that may be shown on its own qualifies without another lookup; only the others are looked up
     * together.
     *
     * @param shownWordings the wordings that may be shown, from {@link #searchWordings}
     */
    boolean mayShowSearchCluster(QueryClusters.Cluster cluster, Predicate<String> shownWordings) {
        if (cluster.volume() < minVisitors) {
            return false;
        }
        List<String> wordings =
                cluster.wordings().stream().map(Map.Entry::getKey).toList();
        return wordings.stream().anyMatch(shownWordings) || reach.anyTypedByAtLeast(wordings, minVisitors);
    }

    /** Whether a text counted per request (a subject, a search before contacting) may be shown. */
    boolean mayShowRequests(long requests) {
        return requests >= minVisitors;
    }

    /** The wordings of a cluster of request subjects that enough requests share. */
    Predicate<String> requestWordings(QueryClusters.Cluster cluster) {
        Set<String> shown = cluster.wordings().stream()
                .filter(w -> mayShowRequests(w.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        return shown::contains;
    }

    /** The search wordings of these clusters that may be shown. */
    Predicate<String> searchWordings(Collection<QueryClusters.Cluster> clusters) {
        return searchQueries(clusters.stream()
                .flatMap(c -> c.wordings().stream())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum)));
    }

    /** The cluster's name on a dashboard: its most common wording, or its significant words if that may not be shown. */
    String label(QueryClusters.Cluster cluster, Predicate<String> shown) {
        String top = cluster.wordings().getFirst().getKey();
        return shown.test(top) || cluster.key().isEmpty() ? top : cluster.key();
    }

    /** The wordings that may be shown, and how many others there are. */
    String wordings(QueryClusters.Cluster cluster, Predicate<String> shown) {
        List<String> listed =
                cluster.wordings().stream().map(Map.Entry::getKey).filter(shown).toList();
        long rare = cluster.wordings().size() - listed.size();
        String joined = String.join(", ", listed);
        if (rare == 0) {
            return joined;
        }
        String more = rare + (rare == 1 ? " rarer wording" : " rarer wordings");
        return joined.isEmpty() ? more : joined + " and " + more;
    }
}
