package com.answerloop.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Search benchmark (not part of the test suite; run by {@code scripts/bench-search.sh}): generates synthetic articles
 * of realistic length with a Zipf-distributed English vocabulary (taken from the shipped knowledge base and the
 * StackFAQ texts), indexes them through {@link SearchIndex}, measures in-process query latency and throughput
 * through {@link SearchEngine} with JMH ({@link SearchJmhBenchmark}; full path: ranking, facets, highlighting), and
 * the same queries with MariaDB {@code MATCH ... AGAINST} ({@link MariaDbBaseline}). Writes the queries to a file for
 * the HTTP measurement with wrk.
 *
 * <p>Then, unless told otherwise, the same articles with passage vectors ({@link HybridBenchmark}): search by words
 * alone against hybrid search (words and meaning) on one index.
 *
 * <p>Arguments: {@code <data-dir> <articles> <queries-file> [jdbc-url|none] [hybrid-data-dir|none
 * hybrid-queries-file]}.
 */
public final class SearchBenchmark {

    private static final Pattern WORD = Pattern.compile("[a-z][a-z']{1,14}");

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int articles = Integer.parseInt(args[1]);
        Path queriesFile = Path.of(args[2]);
        String jdbcUrl = args.length > 3 ? args[3] : "none";
        Path hybridDir = args.length > 5 && !args[4].equals("none") ? Path.of(args[4]) : null;

        List<String> vocabulary = vocabulary();
        Generator generator = new Generator(vocabulary, 42);

        Files.createDirectories(dataDir);
        long start = System.nanoTime();
        Path indexDir = dataDir.resolve("index");
        try (SearchIndex index = new SearchIndex(indexDir, Ranking.DEFAULT.similarity(), 200)) {
            index.open();
            // -Dbench.reuse=true keeps an index a previous run built (for profiling the query stages alone)
            boolean reuse = Boolean.getBoolean("bench.reuse") && index.documentCount() == articles;
            for (int i = 1; i <= articles && !reuse; i++) {
                index.update(generator.article(i));
            }
            // as a portal's rebuild does: without it the commit data says "incomplete", and a portal started on the
            // index would write every document again from its (empty) database, deleting the generated ones
            index.markComplete();
            index.commit();
            index.refresh();
            double seconds = (System.nanoTime() - start) / 1e9;
            // as a portal's rebuild does when it has written every document
            long merging = System.nanoTime();
            index.compact();
            index.commit();
            // the open reader holds the merged-away segments until it is refreshed; measured before that, the
            // size counted both (1,881 MB instead of 935 MB in one run)
            index.refresh();
            double mergeSeconds = (System.nanoTime() - merging) / 1e9;
            result("articles", Integer.toString(articles));
            result(
                    "indexing (articles/s)",
                    reuse ? "not measured (reused index)" : String.format(Locale.ROOT, "%.0f", articles / seconds));
            result("merge into one segment after indexing (s)", String.format(Locale.ROOT, "%.1f", mergeSeconds));
            result("index size (MB)", String.format(Locale.ROOT, "%.1f", size(indexDir) / 1048576.0));

            List<String> queries = generator.queries(1_000);
            Files.write(queriesFile, queries, StandardCharsets.UTF_8);
        }
        // -Dbench.index-only=true: the index and the queries for a load test of the portal (bench-search-load.sh)
        if (Boolean.getBoolean("bench.index-only")) {
            return;
        }
        // JMH measures in a forked JVM, which opens the index itself: this one must have let go of it.
        SearchJmhBenchmark.run(indexDir, queriesFile);
        if (!jdbcUrl.equals("none")) {
            MariaDbBaseline.measure(
                    jdbcUrl, generator, articles, Files.readAllLines(queriesFile, StandardCharsets.UTF_8));
        }
        if (hybridDir != null) {
            HybridBenchmark.run(generator, articles, hybridDir, Path.of(args[5]));
        }
    }

    /** Printed as soon as measured, so a run stopped half-way still leaves its figures. */
    static void result(String name, String value) {
        System.out.println("RESULT\t" + name + "\t" + value);
        System.out.flush();
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    /** English words from the shipped help center and the StackFAQ texts, most frequent first. */
    static List<String> vocabulary() throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Path> sources = new ArrayList<>();
        Path kb = Path.of("kb-content");
        if (!Files.isDirectory(kb)) {
            kb = Path.of("../kb-content");
        }
        if (Files.isDirectory(kb)) {
            try (Stream<Path> files = Files.walk(kb)) {
                files.filter(p -> p.toString().endsWith(".md")).forEach(sources::add);
            }
        }
        sources.add(StackFaqEvaluation.locate());
        for (Path source : sources) {
            Matcher m = WORD.matcher(Files.readString(source).toLowerCase(Locale.ROOT));
            while (m.find()) {
                counts.merge(m.group(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Deterministic synthetic content: Zipf-distributed words, realistic title and body lengths. */
    static final class Generator {
        private final List<String> words;
        private final double[] cumulative;
        private final long seed;

        Generator(List<String> words, long seed) {
            this.words = words;
            this.seed = seed;
            cumulative = new double[words.size()];
            double sum = 0;
            for (int i = 0; i < words.size(); i++) {
                sum += 1.0 / Math.pow(i + 1, 1.05);
                cumulative[i] = sum;
            }
            for (int i = 0; i < cumulative.length; i++) {
                cumulative[i] /= sum;
            }
        }

        private String word(Random random) {
            int i = Arrays.binarySearch(cumulative, random.nextDouble());
            return words.get(Math.min(words.size() - 1, i < 0 ? -i - 1 : i));
        }

        /** Sentences of 14 words; with {@code paragraphs}, a line break after every fifth, as in an article's text. */
        private String words(Random random, int n, boolean paragraphs) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < n; i++) {
                String separator = i == 0 ? "" : i % 14 != 0 ? " " : paragraphs && i % 70 == 0 ? ".\n" : ". ";
                text.append(separator).append(word(random));
            }
            return text.toString();
        }

        private String words(Random random, int n) {
            return words(random, n, false);
        }

        SearchDocument article(int id) {
            Random random = new Random(seed * 1_000_003 + id);
            String title = words(random, 4 + random.nextInt(6));
            String summary = words(random, 12 + random.nextInt(10));
            List<String> headings = List.of(words(random, 3), words(random, 4), words(random, 3));
            String body = words(random, 250 + random.nextInt(450), true);
            List<String> tags = List.of("tag" + random.nextInt(60), "tag" + random.nextInt(60));
            String category = "category-" + random.nextInt(12);
            return new SearchDocument(
                    "article",
                    id,
                    "article-" + id,
                    "/articles/article-" + id,
                    title,
                    summary,
                    headings,
                    body,
                    tags,
                    category,
                    category,
                    null,
                    null,
                    random.nextInt(10) == 0,
                    LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2_000)));
        }

        /** Queries of 1 to 4 words drawn from the mid-frequency range, as people type them. */
        List<String> queries(int n) {
            Random random = new Random(seed + 7);
            List<String> queries = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                queries.add(query(random));
            }
            return queries;
        }

        /** As {@link #queries}, without repeats: searched once each, no query's embedding comes from the cache. */
        List<String> distinctQueries(int n) {
            Random random = new Random(seed + 7);
            Set<String> queries = new LinkedHashSet<>();
            while (queries.size() < n) {
                queries.add(query(random));
            }
            return List.copyOf(queries);
        }

        private String query(Random random) {
            int from = Math.min(50, words.size() / 10);
            int to = Math.min(words.size(), 3_000);
            int length = 1 + random.nextInt(4);
            StringBuilder q = new StringBuilder();
            for (int w = 0; w < length; w++) {
                q.append(w == 0 ? "" : " ").append(words.get(from + random.nextInt(to - from)));
            }
            return q.toString();
        }
    }

    private SearchBenchmark() {}
}
