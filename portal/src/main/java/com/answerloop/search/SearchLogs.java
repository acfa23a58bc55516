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
    void addAll(List<?> records) {
        List<Object[]> searches = new ArrayList<>();
        List<Object[]> clicks = new ArrayList<>();
        for (Object record : records) {
            switch (record) {
                case SearchPerformed s ->
                    searches.add(new Object[] {s.query(), s.hits(), s.filters(), Timestamp.from(s.at())});
                case SearchResultClicked c ->
                    clicks.add(new Object[] {c.query(), c.documentKey(), c.position(), Timestamp.from(c.at())});
                default -> throw new IllegalArgumentException("not a search record: " + record);
            }
        }
        if (!searches.isEmpty()) {
            batches.batchUpdate(
                    "INSERT INTO search_log (query, hits, filters, searched_at) VALUES (?, ?, ?, ?)", searches);
        }
        if (!clicks.isEmpty()) {
            batches.batchUpdate(
                    "INSERT INTO search_click (query, document_key, position, clicked_at) VALUES (?, ?, ?, ?)", clicks);
        }
    }

    private static final String STATS = """
            SELECT l.query AS query, COUNT(*) AS searches, MAX(l.hits) AS hits,
                   (SELECT COUNT(*) FROM search_click c WHERE c.query = l.query AND c.clicked_at >= ?) AS clicks
            FROM search_log l
            WHERE l.searched_at >= ? AND l.query <> ''
            GROUP BY l.query
            """;

    List<QueryStat> topQueries(Instant since, int limit) {
        return stats(STATS + " ORDER BY searches DESC, query LIMIT ?", since, limit);
    }

    List<QueryStat> zeroResultQueries(Instant since, int limit) {
        return stats(STATS + " HAVING MAX(l.hits) = 0 ORDER BY searches DESC, query LIMIT ?", since, limit);
    }

    List<QueryStat> queriesWithoutClicks(Instant since, int limit) {
        return stats(
                STATS + " HAVING MAX(l.hits) > 0 AND (SELECT COUNT(*) FROM search_click c WHERE c.query = l.query"
                        + " AND c.clicked_at >= ?) = 0 ORDER BY searches DESC, query LIMIT ?",
                since,
                since,
                limit);
    }

    private List<QueryStat> stats(String sql, Object... params) {
        Object[] all = new Object[params.length + 1];
        all[0] = params[0] instanceof Instant since ? Timestamp.from(since) : params[0];
        for (int i = 0; i < params.length; i++) {
            all[i + 1] = params[i] instanceof Instant instant ? Timestamp.from(instant) : params[i];
        }
        return jdbc.sql(sql)
                .params(all)
                .query((rs, n) -> new QueryStat(
                        rs.getString("query"), rs.getLong("searches"), rs.getLong("hits"), rs.getLong("clicks")))
                .list();
    }

    /** Past queries that found something, most searched first. */
    List<String> popularQueries(Instant since, int limit) {
        return jdbc.sql("""
                        SELECT query FROM search_log
                        WHERE searched_at >= ? AND hits > 0 AND query <> ''
                        GROUP BY query ORDER BY COUNT(*) DESC, query LIMIT ?""")
                .params(Timestamp.from(since), limit)
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
