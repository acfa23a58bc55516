package com.answerloop.cases;

import com.answerloop.cases.spi.CaseLinks;
import com.answerloop.shared.history.StoredHistory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored requests, solves, effort answers and deflections read back as the events they were published as, with
 * the time each happened, for a module that rebuilds its figures from them (the analytics module). A solve is a
 * {@code STATUS ... -> SOLVED} line of the case's audit; its linked documents are those linked by then.
 */
@Component
public class CaseEventLog {

    private final JdbcClient jdbc;
    private final CaseLinks links;

    CaseEventLog(JdbcClient jdbc, CaseLinks links) {
        this.jdbc = jdbc;
        this.links = links;
    }

    /** When the oldest stored request or deflection happened, if any is stored. */
    public Optional<Instant> oldest() {
        return StoredHistory.oldest(
                jdbc, "SELECT MIN(created_at) FROM support_cases", "SELECT MIN(created_at) FROM deflections");
    }

    /**
     * Hands every {@link CaseOpened}, {@link CaseResolved}, {@link EffortRated} (the latest answer of a case: an
     * answer given again replaced the earlier one) and {@link CaseDeflected} that happened from {@code from}
     * (inclusive) to {@code until} (exclusive) to {@code events}, in the order they happened.
     */
    public void replay(Instant from, Instant until, Consumer<StoredHistory.Replayed> events) {
        StoredHistory all = new StoredHistory();
        jdbc.sql("""
                        SELECT reference, category, subject, searched_words, created_at FROM support_cases
                        WHERE created_at >= ? AND created_at < ? AND reference IS NOT NULL""").params(Timestamp.from(from), Timestamp.from(until)).query(rs -> {
            String searched = rs.getString(4);
            all.add(
                    rs.getTimestamp(5).toInstant(),
                    new CaseOpened(
                            rs.getString(1), rs.getString(2), rs.getString(3), searched == null ? "" : searched));
        });
        jdbc.sql("""
                        SELECT c.id, c.reference, a.actor, a.created_at FROM case_audit a
                        JOIN support_cases c ON c.id = a.case_id
                        WHERE a.action = 'STATUS' AND a.detail LIKE '% -> SOLVED'
                          AND a.created_at >= ? AND a.created_at < ?""").params(Timestamp.from(from), Timestamp.from(until)).query(rs -> {
            Instant at = rs.getTimestamp(4).toInstant();
            long linked = links.linksOf(rs.getLong(1)).stream()
                    .filter(link -> !link.createdAt().isAfter(at))
                    .count();
            all.add(at, new CaseResolved(rs.getString(2), (int) linked, rs.getString(3)));
        });
        jdbc.sql("""
                        SELECT reference, category, effort_score, effort_at FROM support_cases
                        WHERE effort_score IS NOT NULL AND effort_at >= ? AND effort_at < ?""").params(Timestamp.from(from), Timestamp.from(until)).query(rs -> {
            all.add(rs.getTimestamp(4).toInstant(), new EffortRated(rs.getString(1), rs.getString(2), rs.getInt(3)));
        });
        jdbc.sql("SELECT document_key, channel, created_at FROM deflections WHERE created_at >= ? AND created_at < ?")
                .params(Timestamp.from(from), Timestamp.from(until))
                .query(rs -> {
                    all.add(rs.getTimestamp(3).toInstant(), new CaseDeflected(rs.getString(1), rs.getString(2)));
                });
        // a case is opened before it is solved and rated, also when both happened within the same instant
        all.replay(Comparator.comparingInt(CaseEventLog::order), events);
    }

    private static int order(Object event) {
        return switch (event) {
            case CaseOpened o -> 0;
            case CaseResolved r -> 1;
            default -> 2;
        };
    }
}
