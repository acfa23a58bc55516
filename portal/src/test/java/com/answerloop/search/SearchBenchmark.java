package com.answerloop.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Search benchmark (not part of the test suite; run by {@code scripts/bench-search.sh}): generates synthetic articles
 * of realistic length with a Zipf-distributed English vocabulary (taken from the shipped knowledge base and the
 * StackFAQ texts), indexes them through {@link SearchIndex}, measures in-process query latency and throughput
 * through {@link SearchEngine} (full path: ranking, facets, highlighting), and the same queries with MariaDB
 * {@code MATCH ... AGAINST}. Writes the queries to a file for the HTTP measurement with wrk.
 *
 * <p>Arguments: {@code <data-dir> <articles> <queries-file> [jdbc-url|none]}.
 */
public final class SearchBenchmark {

    private static final Pattern WORD = Pattern.compile("[a-z][a-z']{1,14}");

    record Timing(double throughput, double p50Millis, double p99Millis) {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int articles = Integer.parseInt(args[1]);
        Path queriesFile = Path.of(args[2]);
        String jdbcUrl = args.length > 3 ? args[3] : "none";

        List<String> vocabulary = vocabulary();
        Generator generator = new Generator(vocabulary, 42);
        Map<String, String> results = new LinkedHashMap<>();

        Files.createDirectories(dataDir);
        long start = System.nanoTime();
        Path indexDir = dataDir.resolve("index");
        try (SearchIndex index = new SearchIndex(indexDir, Ranking.DEFAULT.similarity(), 200)) {
            index.open();
            for (int i = 1; i <= articles; i++) {
                index.update(generator.article(i));
            }
            index.commit();
            index.refresh();
            double seconds = (System.nanoTime() - start) / 1e9;
            results.put("articles", Integer.toString(articles));
            results.put("indexing (articles/s)", String.format(Locale.ROOT, "%.0f", articles / seconds));
            results.put("index size (MB)", String.format(Locale.ROOT, "%.1f", size(indexDir) / 1048576.0));

            List<String> queries = generator.queries(1_000);
            Files.write(queriesFile, queries, StandardCharsets.UTF_8);
            SearchEngine engine = new SearchEngine(
                    index, () -> SearchAnalyzers.queryAnalyzer(SearchAnalyzers.emptySynonyms()), Ranking.DEFAULT);
            run(queries, 1, 3_000, q -> engine.search(SearchQuery.of(q), false, false)); // warm-up
            for (int threads : new int[] {1, 8}) {
                Timing t = run(queries, threads, 5_000, q -> engine.search(SearchQuery.of(q), false, false));
                record(results, "in-process, " + threads + " thread" + (threads > 1 ? "s" : ""), t);
            }
            if (!jdbcUrl.equals("none")) {
                mariaDb(jdbcUrl, generator, articles, queries, results);
            }
        }
        for (Map.Entry<String, String> entry : results.entrySet()) {
            System.out.println("RESULT\t" + entry.getKey() + "\t" + entry.getValue());
        }
    }

    private static void record(Map<String, String> results, String name, Timing t) {
        results.put(
                name,
                String.format(
                        Locale.ROOT,
                        "%.0f q/s, p50 %.2f ms, p99 %.2f ms",
                        t.throughput(),
                        t.p50Millis(),
                        t.p99Millis()));
    }

    @FunctionalInterface
    interface QueryRunner {
        void run(String query) throws Exception;
    }

    /** Runs {@code total} queries (cycling through the list) on {@code threads} threads. */
    static Timing run(List<String> queries, int threads, int total, QueryRunner runner) throws Exception {
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    long begin = System.nanoTime();
                    runner.run(queries.get(i % queries.size()));
                    latencies[i] = System.nanoTime() - begin;
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        return new Timing(
                total / seconds, latencies[total / 2] / 1e6, latencies[(int) Math.min(total - 1, total * 0.99)] / 1e6);
    }

    private static void mariaDb(
            String url, Generator generator, int articles, List<String> queries, Map<String, String> results)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "root", "")) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS bench_article");
                ddl.execute("CREATE TABLE bench_article (id BIGINT PRIMARY KEY, title VARCHAR(300) NOT NULL, "
                        + "body TEXT NOT NULL) ENGINE=InnoDB");
            }
            long start = System.nanoTime();
            connection.setAutoCommit(false);
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO bench_article (id, title, body) VALUES (?, ?, ?)")) {
                for (int i = 1; i <= articles; i++) {
                    SearchDocument doc = generator.article(i);
                    insert.setLong(1, i);
                    insert.setString(2, doc.title());
                    insert.setString(3, doc.body());
                    insert.addBatch();
                    if (i % 1_000 == 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("ALTER TABLE bench_article ADD FULLTEXT INDEX ft_bench (title, body)");
            }
            connection.setAutoCommit(true);
            double seconds = (System.nanoTime() - start) / 1e9;
            results.put(
                    "MariaDB load + FULLTEXT index (articles/s)",
                    String.format(Locale.ROOT, "%.0f", articles / seconds));
        }
        String sql = "SELECT id, title, MATCH(title, body) AGAINST (? IN NATURAL LANGUAGE MODE) AS score "
                + "FROM bench_article WHERE MATCH(title, body) AGAINST (? IN NATURAL LANGUAGE MODE) "
                + "ORDER BY score DESC LIMIT 10";
        for (int threads : new int[] {1, 8}) {
            ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
                try {
                    return DriverManager.getConnection(url, "root", "");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            int total = 200;
            try {
                Timing t = run(queries, threads, total, q -> {
                    try (PreparedStatement select = connections.get().prepareStatement(sql)) {
                        select.setString(1, q);
                        select.setString(2, q);
                        try (ResultSet rs = select.executeQuery()) {
                            while (rs.next()) {
                                rs.getLong(1);
                            }
                        }
                    }
                });
                record(results, "MariaDB MATCH AGAINST, " + threads + " thread" + (threads > 1 ? "s" : ""), t);
            } catch (Exception e) {
                results.put("MariaDB MATCH AGAINST, " + threads + " threads", "failed: " + e);
            }
        }
    }

    private static long size(Path dir) throws IOException {
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

        private String words(Random random, int n) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < n; i++) {
                text.append(i == 0 ? "" : (i % 14 == 0 ? ". " : " ")).append(word(random));
            }
            return text.toString();
        }

        SearchDocument article(int id) {
            Random random = new Random(seed * 1_000_003 + id);
            String title = words(random, 4 + random.nextInt(6));
            String summary = words(random, 12 + random.nextInt(10));
            List<String> headings = List.of(words(random, 3), words(random, 4), words(random, 3));
            String body = words(random, 250 + random.nextInt(450));
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
            int from = Math.min(50, words.size() / 10);
            int to = Math.min(words.size(), 3_000);
            for (int i = 0; i < n; i++) {
                int length = 1 + random.nextInt(4);
                StringBuilder q = new StringBuilder();
                for (int w = 0; w < length; w++) {
                    q.append(w == 0 ? "" : " ").append(words.get(from + random.nextInt(to - from)));
                }
                queries.add(q.toString());
            }
            return queries;
        }
    }

    private SearchBenchmark() {}
}
