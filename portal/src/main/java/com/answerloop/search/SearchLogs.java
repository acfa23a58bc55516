package com.answerloop.search;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored search and click events, and the reports the admin page shows. */
@Repository
class SearchLogs {

    /** A row of a report: a query, how often it was searched, its last hit count and its clicks. */
    record QueryStat(String query, long searches, long hits, long clicks) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    SearchLogs(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Stores searches and clicks, each kind with one batched insert. */
    void addAll(List<SearchTracking.Tracked> records) {
        List<Object[]> searches = new ArrayList<>();
        List<Object[]> clicks = new ArrayList<>();
        for (SearchTracking.Tracked record : records) {
            switch (record.event()) {
                case SearchPerformed s ->
                    searches.add(
                            new Object[] {s.query(), s.hits(), s.filters(), Timestamp.from(s.at()), record.visitor()});
                case SearchResultClicked c ->
                    clicks.add(new Object[] {
                        c.query(), c.documentKey(), c.position(), Timestamp.from(c.at()), record.visitor()
                    });
                default -> throw new IllegalArgumentException("not a search record: " + record);
            }
        }
        if (!searches.isEmpty()) {
            batches.batchUpdate(
                    "INSERT INTO search_log (query, hits, filters, searched_at, visitor) VALUES (?, ?, ?, ?, ?)",
                    searches);
        }
        if (!clicks.isEmpty()) {
            batches.batchUpdate(
                    "INSERT INTO search_click (query, document_key, position, clicked_at, visitor)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    clicks);
        }
    }

    /**
     * A query's figures over a period. Only queries that {@code minVisitors} distinct visitors searched are reported:
     * rows from before visitors were recorded have none and never count.
     */
    private static final String STATS = """
            SELECT l.query AS query, COUNT(*) AS searches, MAX(l.hits) AS hits,
                   (SELECT COUNT(*) FROM search_click c WHERE c.query = l.query AND c.clicked_at >= :since) AS clicks
            FROM search_log l
            WHERE l.searched_at >= :since AND l.query <> ''
            GROUP BY l.query
            HAVING COUNT(DISTINCT l.visitor) >= :visitors
            """;

    List<QueryStat> topQueries(Instant since, int minVisitors, int limit) {
        return stats(STATS + " ORDER BY searches DESC, query LIMIT :limit", since, minVisitors, limit);
    }

    List<QueryStat> zeroResultQueries(Instant since, int minVisitors, int limit) {
        return stats(
                STATS + " AND MAX(l.hits) = 0 ORDER BY searches DESC, query LIMIT :limit", since, minVisitors, limit);
    }

    List<QueryStat> queriesWithoutClicks(Instant since, int minVisitors, int limit) {
        return stats(
                STATS + " AND MAX(l.hits) > 0 AND (SELECT COUNT(*) FROM search_click c WHERE c.query = l.query"
                        + " AND c.clicked_at >= :since) = 0 ORDER BY searches DESC, query LIMIT :limit",
                since,
                minVisitors,
                limit);
    }

    private List<QueryStat> stats(String sql, Instant since, int minVisitors, int limit) {
        return jdbc.sql(sql)
                .param("since", Timestamp.from(since))
                .param("visitors", minVisitors)
                .param("limit", limit)
                .query((rs, n) -> new QueryStat(
                        rs.getString("query"), rs.getLong("searches"), rs.getLong("hits"), rs.getLong("clicks")))
                .list();
    }

    /**
     * Past queries that {@code minVisitors} distinct visitors searched, that found something and whose results were
     * opened, most searched first.
     */
    List<String> popularQueries(Instant since, int minVisitors, int limit) {
        return jdbc.sql("""
                        SELECT l.query FROM search_log l
                        WHERE l.searched_at >= :since AND l.hits > 0 AND l.query <> ''
                          AND EXISTS (SELECT 1 FROM search_click c WHERE c.query = l.query AND c.clicked_at >= :since)
                        GROUP BY l.query HAVING COUNT(DISTINCT l.visitor) >= :visitors
                        ORDER BY COUNT(*) DESC, l.query LIMIT :limit""")
                .param("since", Timestamp.from(since))
                .param("visitors", minVisitors)
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /** Documents most opened from search results, most clicked first. */
    List<String> mostClicked(Instant since, int limit) {
        return jdbc.sql("""
                        SELECT document_key FROM search_click WHERE clicked_at >= ?
                        GROUP BY document_key ORDER BY COUNT(*) DESC, document_key LIMIT ?""")
                .params(Timestamp.from(since), limit)
                .query(String.class)
                .list();
    }
}
