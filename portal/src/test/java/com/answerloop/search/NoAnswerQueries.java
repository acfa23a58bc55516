package com.answerloop.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Searches that no StackFAQ article answers ({@code search/no-answer-queries.txt}, with its provenance and licence):
 * made-up words, addresses and numbers, random text and questions on other subjects. Every second query of each
 * group is in the tuning half, the others in the held-out half.
 */
record NoAnswerQueries(List<Query> queries) {

    record Query(String group, String text, boolean tuning) {}

    static NoAnswerQueries load() {
        try (InputStream in = NoAnswerQueries.class.getResourceAsStream("/search/no-answer-queries.txt")) {
            List<Query> queries = new ArrayList<>();
            String group = "";
            int inGroup = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("# group: ")) {
                    group = line.substring("# group: ".length()).strip();
                    inGroup = 0;
                } else if (!line.startsWith("#") && !line.isBlank()) {
                    queries.add(new Query(group, line.strip(), inGroup++ % 2 == 0));
                }
            }
            return new NoAnswerQueries(List.copyOf(queries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Query> half(boolean tuning) {
        return queries.stream().filter(q -> q.tuning() == tuning).toList();
    }

    /** The share of these queries for which the engine shows anything (the first page is not empty). */
    static double shownShare(SearchEngine engine, List<Query> queries) {
        long shown = queries.stream()
                .filter(q -> !engine.search(SearchQuery.of(q.text()), false, false)
                        .hits()
                        .isEmpty())
                .count();
        return (double) shown / queries.size();
    }

    /**
     * The share of these queries for which the meaning side adds a document the words do not match (the hybrid total
     * exceeds the words' total): a page showing something only because some passage was least far from the query.
     */
    static double meaningAddedShare(SearchEngine hybrid, SearchEngine words, List<Query> queries) {
        long added = queries.stream()
                .filter(q -> hybrid.search(SearchQuery.of(q.text()), false, false)
                                .total()
                        > words.search(SearchQuery.of(q.text()), false, false).total())
                .count();
        return (double) added / queries.size();
    }
}
