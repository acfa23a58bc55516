package com.answerloop.analytics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which distinct visitors typed each search query (as stored, PII-scrubbed), for {@link QueryDisclosure}. Counting
 * searches was not enough: one customer who typed their own name or order number twice made it "popular". A query is
 * kept as its SHA-256, a visitor as the search log's pseudonymous key.
 */
@Repository
class QueryReach {

    private static final Logger log = LoggerFactory.getLogger(QueryReach.class);

    /** A visitor seen typing a query on a day. */
    record Sighting(LocalDate day, String query, String visitor) {}

    private static final String REMEMBER = """
            INSERT INTO analytics_query_shown (query_hash, min_visitors) VALUES (?, ?)
            ON DUPLICATE KEY UPDATE min_visitors = GREATEST(min_visitors, VALUES(min_visitors))""";

    /** Hashes per lookup: well inside every database's limit on parameters. */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    /** A transaction of its own: dashboards read in read-only transactions, which MySQL lets write nothing. */
    private final TransactionTemplate ownTransaction;

    QueryReach(JdbcClient jdbc, JdbcTemplate batches, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Stores sightings; a visitor already stored for a query is ignored (that is what makes them distinct). */
    void addAll(Collection<Sighting> sightings) {
        List<Object[]> rows = sightings.stream()
                .filter(s -> s.visitor() != null && !s.visitor().isBlank())
                .map(s -> new Object[] {hash(s.query()), s.visitor(), Date.valueOf(s.day())})
                .toList();
        if (!rows.isEmpty()) {
            batches.batchUpdate(
                    "INSERT IGNORE INTO analytics_query_reach (query_hash, visitor, first_seen) VALUES (?, ?, ?)",
                    rows);
        }
    }

    /**
     * The queries that at least {@code visitors} distinct visitors typed, each on its own. Counting a query's visitors
     * reads every visitor row of it, which for a year of popular queries took seconds per view; so a query found to
     * qualify is remembered ({@code analytics_query_shown}), and only the others are counted: rare queries, with few
     * rows each.
     */
    Set<String> typedByAtLeast(Collection<String> queries, long visitors) {
        Map<String, String> byHash = new HashMap<>();
        queries.forEach(q -> byHash.put(hash(q), q));
        Set<String> known = new HashSet<>();
        for (List<String> chunk : chunks(byHash.keySet())) {
            known.addAll(jdbc.sql("""
                            SELECT query_hash FROM analytics_query_shown
                            WHERE query_hash IN (:hashes) AND min_visitors >= :visitors""")
                    .param("hashes", chunk)
                    .param("visitors", visitors)
                    .query(String.class)
                    .list());
        }
        List<String> unknown =
                byHash.keySet().stream().filter(h -> !known.contains(h)).toList();
        List<String> found = new ArrayList<>();
        for (List<String> chunk : chunks(unknown)) {
            found.addAll(jdbc.sql("""
                            SELECT query_hash FROM analytics_query_reach WHERE query_hash IN (:hashes)
                            GROUP BY query_hash HAVING COUNT(*) >= :visitors""")
                    .param("hashes", chunk)
                    .param("visitors", visitors)
                    .query(String.class)
                    .list());
        }
        remember(found, visitors);
        Set<String> reached = new HashSet<>();
        known.forEach(h -> reached.add(byHash.get(h)));
        found.forEach(h -> reached.add(byHash.get(h)));
        return reached;
    }

    /** Notes that these queries reached {@code visitors} visitors; a query's visitors only grow until the purge. */
    private void remember(List<String> hashes, long visitors) {
        if (hashes.isEmpty()) {
            return;
        }
        List<Object[]> rows =
                hashes.stream().map(h -> new Object[] {h, visitors}).toList();
        try {
            ownTransaction.executeWithoutResult(tx -> batches.batchUpdate(REMEMBER, rows));
        } catch (DataAccessException | TransactionException e) {
            // a dashboard still answers (the next view counts again); the database says why in the log
            log.warn("Could not remember {} search queries as shown", hashes.size(), e);
        }
    }

    /**
     * Counts again which queries qualify, after the purge dropped visitor rows: a query may have fallen below
     * {@code visitors}. One pass over the table, in the nightly purge rather than in a dashboard view.
     */
    int recountShown(long visitors) {
        jdbc.sql("DELETE FROM analytics_query_shown").update();
        return jdbc.sql("""
                        INSERT INTO analytics_query_shown (query_hash, min_visitors)
                        SELECT query_hash, :visitors FROM analytics_query_reach
                        GROUP BY query_hash HAVING COUNT(*) >= :visitors""").param("visitors", visitors).update();
    }

    /** Whether at least {@code visitors} distinct visitors typed one or more of the queries, taken together. */
    boolean anyTypedByAtLeast(Collection<String> queries, long visitors) {
        Set<String> seen = new HashSet<>();
        for (List<String> chunk :
                chunks(queries.stream().map(QueryReach::hash).distinct().toList())) {
            seen.addAll(jdbc.sql("SELECT DISTINCT visitor FROM analytics_query_reach WHERE query_hash IN (:hashes)")
                    .param("hashes", chunk)
                    .query(String.class)
                    .list());
            if (seen.size() >= visitors) {
                return true;
            }
        }
        return false;
    }

    /** Deletes sightings first seen before {@code before}; returns how many. */
    int purgeBefore(LocalDate before) {
        return jdbc.sql("DELETE FROM analytics_query_reach WHERE first_seen < ?")
                .param(Date.valueOf(before))
                .update();
    }

    /** The key of a query as dashboards read it back: bounded like a stored subject, then hashed. */
    static String hash(String query) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(AnalyticsBuffer.bounded(query).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static List<List<String>> chunks(Collection<String> hashes) {
        List<String> all = List.copyOf(hashes);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
