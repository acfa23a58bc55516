package com.answerloop.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Groups failed queries of similar wording: two queries fall in one cluster when their sets of significant words are
 * equal (lowercased, stop words dropped, order and repeats ignored), so "reset my password" and "password reset"
 * count as one gap. The search module offers no analysis through its API, hence this deliberately simple form.
 */
final class QueryClusters {

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for", "from", "how", "i",
            "if", "in", "into", "is", "it", "my", "no", "not", "of", "on", "or", "our", "so", "such", "that", "the",
            "their", "then", "there", "these", "they", "this", "to", "was", "we", "what", "when", "where", "which",
            "why", "will", "with", "you", "your");

    /**
     * A cluster: its significant words, every wording with its searches (most searched first), and the searches in
     * it.
     */
    record Cluster(String key, List<Map.Entry<String, Long>> wordings, long volume) {

        /** The most searched wording. */
        String label() {
            return wordings.getFirst().getKey();
        }
    }

    private QueryClusters() {}

    /** The words that identify a query's cluster; empty when the query has only stop words. */
    static String key(String query) {
        return Arrays.stream(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty() && !STOP_WORDS.contains(word))
                .collect(Collectors.toCollection(TreeSet::new))
                .stream()
                .collect(Collectors.joining(" "));
    }

    /** Clusters the queries (with their search counts), largest first. */
    static List<Cluster> of(Map<String, Long> queries) {
        Map<String, Map<String, Long>> byKey = new LinkedHashMap<>();
        queries.forEach((query, searches) -> {
            String key = key(query);
            byKey.computeIfAbsent(key.isEmpty() ? query : key, k -> new LinkedHashMap<>())
                    .merge(query, searches, Long::sum);
        });
        List<Cluster> clusters = new ArrayList<>();
        byKey.forEach((key, wordings) -> {
            List<Map.Entry<String, Long>> ordered = wordings.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .map(e -> Map.entry(e.getKey(), e.getValue()))
                    .toList();
            long volume = wordings.values().stream().mapToLong(Long::longValue).sum();
            clusters.add(new Cluster(key, ordered, volume));
        });
        clusters.sort(Comparator.comparingLong(Cluster::volume).reversed().thenComparing(Cluster::key));
        return clusters;
    }
}
