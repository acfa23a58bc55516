package com.answerloop.search;

import com.answerloop.shared.history.StoredHistory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored search and click records read back as the events they were published as, for a module that rebuilds its
 * figures from them, and deleted past a retention chosen by that module (the analytics module: its
 * {@code answerloop.analytics.retention}).
 */
@Component
public class SearchEventLog {

    private final JdbcClient jdbc;

    SearchEventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When the oldest stored search or click happened, if any is stored. */
    public Optional<Instant> oldest() {
        return StoredHistory.oldest(
                jdbc, "SELECT MIN(searched_at) FROM search_log", "SELECT MIN(clicked_at) FROM search_click");
    }

    /**
     * Hands every search ({@link SearchPerformed}) and click ({@link SearchResultClicked}) stored from {@code from}
     * (inclusive) to {@code until} (exclusive) to {@code events}, in the order they happened.
     */
    public void replay(Instant from, Instant until, Consumer<Object> events) {
        jdbc.sql("""
                        SELECT 'S' AS kind, query, hits, filters, searched_at AS at, visitor, id FROM search_log
                        WHERE searched_at >= :from AND searched_at < :until
                        UNION ALL
                        SELECT 'C' AS kind, query, position AS hits, document_key AS filters, clicked_at AS at, visitor, id
                        FROM search_click WHERE clicked_at >= :from AND clicked_at < :until
                        ORDER BY at, kind DESC, id""")
                .param("from", Timestamp.from(from))
                .param("until", Timestamp.from(until))
                .query(rs -> {
                    Instant at = rs.getTimestamp("at").toInstant();
                    events.accept(
                            "S".equals(rs.getString("kind"))
                                    ? new SearchPerformed(
                                            rs.getString("query"),
                                            rs.getLong("hits"),
                                            rs.getString("filters"),
                                            at,
                                            rs.getString("visitor"))
                                    : new SearchResultClicked(
                                            rs.getString("query"),
                                            rs.getString("filters"),
                                            (int) rs.getLong("hits"),
                                            at,
                                            rs.getString("visitor")));
                });
    }

    /** Deletes the searches and clicks stored before {@code before}; returns how many rows. */
    public int purgeBefore(Instant before) {
        Timestamp cutoff = Timestamp.from(before);
        return jdbc.sql("DELETE FROM search_log WHERE searched_at < ?")
                        .param(cutoff)
                        .update()
                + jdbc.sql("DELETE FROM search_click WHERE clicked_at < ?")
                        .param(cutoff)
                        .update();
    }
}
