package com.answerloop.search;

import static com.answerloop.search.SearchBenchmark.result;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The baseline of the search benchmark ({@link SearchBenchmark}): the same generated articles and queries in MariaDB
 * with {@code MATCH ... AGAINST}, on 1 and 8 connections, each run time-boxed.
 */
final class MariaDbBaseline {

    record Timing(double throughput, double p50Millis, double p99Millis, int queries) {}

    private static void report(String name, Timing t) {
        result(
                name,
                String.format(
                        Locale.ROOT,
                        "%.1f q/s, p50 %.2f ms, p99 %.2f ms (%d queries)",
                        t.throughput(),
                        t.p50Millis(),
                        t.p99Millis(),
                        t.queries()));
    }

    @FunctionalInterface
    interface QueryRunner {
        void run(String query) throws Exception;
    }

    /**
     * Runs up to {@code total} queries (cycling through the list) on {@code threads} threads; no new query starts
     * after {@code budgetNanos}, so a slow baseline is measured on fewer queries instead of taking hours.
     */
    static Timing run(List<String> queries, int threads, int total, long budgetNanos, QueryRunner runner)
            throws Exception {
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        long deadline = start + budgetNanos;
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                int i;
                while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < total) {
                    long begin = System.nanoTime();
                    runner.run(queries.get(i % queries.size()));
                    latencies[done.getAndIncrement()] = System.nanoTime() - begin;
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        int n = done.get();
        long[] measured = Arrays.copyOf(latencies, n);
        Arrays.sort(measured);
        return new Timing(
                n / seconds,
                measured[n / 2] / 1e6,
                measured[(int) Math.min(n - 1, (long) Math.ceil(n * 0.99) - 1)] / 1e6,
                n);
    }

    /** Time per MariaDB query run; MATCH ... AGAINST takes seconds per query at 200,000 articles. */
    private static final long MARIADB_BUDGET_NANOS = Long.getLong("bench.mariadb.seconds", 90) * 1_000_000_000L;

    private static final long MARIADB_BUFFER_POOL = 2L << 30;

    static void measure(String url, SearchBenchmark.Generator generator, int articles, List<String> queries)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "root", "")) {
            // A fair baseline: an operator would size InnoDB's buffer pool to hold the table and its full-text
            // index (the default 128 MB does not), as Lucene has the OS page cache. Restored afterwards.
            long originalPool = bufferPoolSize(connection);
            setBufferPoolSize(connection, Math.max(originalPool, MARIADB_BUFFER_POOL));
            try {
                loadArticles(connection, generator, articles);
                result("MariaDB buffer pool (MB)", Long.toString(bufferPoolSize(connection) >> 20));
                String sql = "SELECT id, title, MATCH(title, body) AGAINST (? IN NATURAL LANGUAGE MODE) AS score "
                        + "FROM bench_article WHERE MATCH(title, body) AGAINST (? IN NATURAL LANGUAGE MODE) "
                        + "ORDER BY score DESC LIMIT 10";
                for (int threads : new int[] {1, 8}) {
                    String name = "MariaDB MATCH AGAINST, " + threads + " thread" + (threads > 1 ? "s" : "");
                    try {
                        report(name, matchAgainst(url, sql, queries, threads));
                    } catch (Exception e) {
                        result(name, "failed: " + e);
                    }
                }
            } finally {
                setBufferPoolSize(connection, originalPool);
            }
        }
    }

    private static void loadArticles(Connection connection, SearchBenchmark.Generator generator, int articles)
            throws SQLException {
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
        result("MariaDB load + FULLTEXT index (articles/s)", String.format(Locale.ROOT, "%.0f", articles / seconds));
    }

    private static Timing matchAgainst(String url, String sql, List<String> queries, int threads) throws Exception {
        List<Connection> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                Connection c = DriverManager.getConnection(url, "root", "");
                opened.add(c);
                return c;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            return run(queries, threads, queries.size(), MARIADB_BUDGET_NANOS, q -> {
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
        } finally {
            for (Connection c : opened) {
                c.close();
            }
        }
    }

    private static long bufferPoolSize(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery("SELECT @@innodb_buffer_pool_size")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void setBufferPoolSize(Connection connection, long bytes) {
        try (Statement set = connection.createStatement()) {
            set.execute("SET GLOBAL innodb_buffer_pool_size = " + bytes);
        } catch (SQLException e) {
            result("MariaDB buffer pool", "could not be resized (" + e.getMessage() + ")");
        }
    }

    private MariaDbBaseline() {}
}
