package com.answerloop.capture;

import com.answerloop.cases.CaseManagement;
import com.answerloop.shared.history.StoredHistory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored links from cases to documents and flags on articles read back as the events they were published as, with
 * the time each happened, for a module that rebuilds its figures from them (the analytics module). A flag is replayed
 * as raised when it was created and, if resolved, as resolved when it was.
 */
@Component
public class CaptureEventLog {

    private record Link(long caseId, Instant at, String documentKey, String url) {}

    private final JdbcClient jdbc;
    private final CaseManagement cases;

    CaptureEventLog(JdbcClient jdbc, CaseManagement cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    /** When the oldest stored link or flag was made, if any is stored. */
    public Optional<Instant> oldest() {
        return StoredHistory.oldest(
                jdbc, "SELECT MIN(created_at) FROM case_article_links", "SELECT MIN(created_at) FROM article_flags");
    }

    /**
     * Hands every {@link ArticleLinkedToCase}, {@link ArticleFlagged} and {@link ArticleFlagResolved} that happened
     * from {@code from} (inclusive) to {@code until} (exclusive) to {@code events}, in the order they happened.
     */
    public void replay(Instant from, Instant until, Consumer<StoredHistory.Replayed> events) {
        Timestamp start = Timestamp.from(from);
        Timestamp end = Timestamp.from(until);
        StoredHistory all = new StoredHistory();
        List<Link> links = jdbc.sql("""
                        SELECT case_id, created_at, document_key, url FROM case_article_links
                        WHERE created_at >= ? AND created_at < ?""")
                .params(start, end)
                .query((rs, n) ->
                        new Link(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)))
                .list();
        Set<Long> caseIds = new HashSet<>();
        links.forEach(link -> caseIds.add(link.caseId()));
        Map<Long, String> references = cases.references(caseIds);
        links.forEach(link -> all.add(
                link.at(), new ArticleLinkedToCase(link.documentKey(), link.url(), references.get(link.caseId()))));
        jdbc.sql("""
                        SELECT document_key, url, note, created_at FROM article_flags
                        WHERE created_at >= ? AND created_at < ?""").params(start, end).query(rs -> {
            all.add(
                    rs.getTimestamp(4).toInstant(),
                    new ArticleFlagged(rs.getString(1), rs.getString(2), rs.getString(3)));
        });
        jdbc.sql("""
                        SELECT document_key, created_at, resolved_at FROM article_flags
                        WHERE resolved_at >= ? AND resolved_at < ?""").params(start, end).query(rs -> {
            Instant resolved = rs.getTimestamp(3).toInstant();
            long secondsOpen =
                    Duration.between(rs.getTimestamp(2).toInstant(), resolved).toSeconds();
            all.add(resolved, new ArticleFlagResolved(rs.getString(1), secondsOpen));
        });
        all.replay(events);
    }
}
