package com.answerloop.analytics;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One row per community question: when it was asked, first answered and accepted. */
@Repository
class QuestionLog {

    /** The period's questions: how many, how many answered and accepted, and each answered one's wait. */
    record QuestionStats(long asked, long answered, long accepted, List<Duration> waits) {}

    private final JdbcClient jdbc;

    QuestionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void asked(long threadId, Instant at) {
        jdbc.sql("INSERT IGNORE INTO analytics_thread (thread_id, asked_at) VALUES (?, ?)")
                .params(threadId, Timestamp.from(at))
                .update();
    }

    /** Keeps the first answer's time only. */
    void answered(long threadId, Instant at) {
        jdbc.sql("UPDATE analytics_thread SET first_answer_at = ? WHERE thread_id = ? AND first_answer_at IS NULL")
                .params(Timestamp.from(at), threadId)
                .update();
    }

    void accepted(long threadId, Instant at) {
        jdbc.sql("UPDATE analytics_thread SET accepted_at = ? WHERE thread_id = ? AND accepted_at IS NULL")
                .params(Timestamp.from(at), threadId)
                .update();
    }

    /** Questions asked between the two days (inclusive). */
    QuestionStats stats(LocalDate from, LocalDate to) {
        List<Timestamp[]> rows = jdbc.sql("""
                        SELECT asked_at, first_answer_at, accepted_at FROM analytics_thread
                        WHERE asked_at >= ? AND asked_at < ?""")
                .params(start(from), start(to.plusDays(1)))
                .query((rs, n) -> new Timestamp[] {
                    rs.getTimestamp("asked_at"), rs.getTimestamp("first_answer_at"), rs.getTimestamp("accepted_at")
                })
                .list();
        List<Duration> waits = rows.stream()
                .filter(r -> r[1] != null)
                .map(r -> Duration.between(r[0].toInstant(), r[1].toInstant()))
                .sorted()
                .toList();
        long accepted = rows.stream().filter(r -> r[2] != null).count();
        return new QuestionStats(rows.size(), waits.size(), accepted, waits);
    }

    int purgeAskedBefore(LocalDate before) {
        return jdbc.sql("DELETE FROM analytics_thread WHERE asked_at < ?")
                .param(start(before))
                .update();
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
