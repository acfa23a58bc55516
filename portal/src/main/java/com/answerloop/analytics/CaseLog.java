package com.answerloop.analytics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One row per support case (category, scrubbed subject and searches, opened and solved days) and its linked documents:
 * what the avoidable-contact and solved-without-an-article reports need. Case events are few (one per request), so
 * their listeners write directly rather than through the buffer.
 */
@Repository
class CaseLog {

    /**
     * A solved case in a report: its category, scrubbed subject and searches, linked documents, and which of them is
     * the article captured from it.
     */
    record SolvedCase(
            String reference,
            String category,
            String subject,
            String searched,
            List<String> documents,
            List<String> captured) {}

    private final JdbcClient jdbc;

    CaseLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void opened(String reference, LocalDate day, String category, String subject, String searched) {
        jdbc.sql("""
                        INSERT IGNORE INTO analytics_case (reference, opened_on, category, subject, searched)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(reference, Date.valueOf(day), category, bounded(subject, 200), bounded(searched, 1000))
                .update();
    }

    /** A link from a case to a document; {@code captured} when the document is the article captured from the case. */
    void linked(String reference, String documentKey, boolean captured) {
        jdbc.sql("INSERT IGNORE INTO analytics_case_link (reference, document_key, captured) VALUES (?, ?, ?)")
                .params(reference, bounded(documentKey, 100), captured)
                .update();
    }

    /** Keeps the first solved time: a reopened case solved again is still one solved case. */
    void solved(String reference, Instant at) {
        jdbc.sql("UPDATE analytics_case SET solved_on = ?, solved_at = ? WHERE reference = ? AND solved_on IS NULL")
                .params(Date.valueOf(LocalDate.ofInstant(at, ZoneOffset.UTC)), Timestamp.from(at), reference)
                .update();
    }

    /** The customer's effort score; answering the survey again replaces it. */
    void rated(String reference, int score, LocalDate day) {
        jdbc.sql("UPDATE analytics_case SET effort_score = ?, rated_on = ? WHERE reference = ?")
                .params(score, Date.valueOf(day), reference)
                .update();
    }

    /** The case's first response: kept once. */
    void responded(String reference, long seconds, boolean withinTarget) {
        jdbc.sql("""
                        UPDATE analytics_case SET first_response_seconds = ?, response_within_target = ?
                        WHERE reference = ? AND first_response_seconds IS NULL""").params(seconds, withinTarget, reference).update();
    }

    /** An effort survey answer given in a period: the case's category, the score and the day. */
    record Rating(String category, int score, LocalDate day) {}

    /** Effort scores given between the two days (inclusive). */
    List<Rating> ratings(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT category, effort_score, rated_on FROM analytics_case
                        WHERE effort_score IS NOT NULL AND rated_on BETWEEN ? AND ?""")
                .params(Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) ->
                        new Rating(rs.getString(1), rs.getInt(2), rs.getDate(3).toLocalDate()))
                .list();
    }

    /** A case opened in a period: its category, and its first response (null seconds while there is none). */
    record FirstResponse(String category, Long seconds, boolean withinTarget) {}

    /** Cases opened between the two days (inclusive), with their first responses. */
    List<FirstResponse> firstResponses(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT category, first_response_seconds, response_within_target FROM analytics_case
                        WHERE opened_on BETWEEN ? AND ?""")
                .params(Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> {
                    long seconds = rs.getLong(2);
                    Long answeredAfter = rs.wasNull() ? null : seconds; // before the next read resets wasNull
                    return new FirstResponse(rs.getString(1), answeredAfter, rs.getBoolean(3));
                })
                .list();
    }

    /** The first publication of an article captured from a case; later versions keep the first time. */
    void published(String documentKey, Instant at) {
        jdbc.sql("""
                        UPDATE analytics_case_link SET published_at = ?
                        WHERE document_key = ? AND captured = TRUE AND published_at IS NULL""").params(Timestamp.from(at), bounded(documentKey, 100)).update();
    }

    /** A captured article first published in the period, and how long after its case was solved. */
    record Publication(String reference, Instant published, Duration afterSolved) {}

    /**
     * Articles captured from solved cases and first published between the two days (inclusive), oldest first. An
     * article published before its case was marked solved took no time after the solution: zero.
     */
    List<Publication> capturedAndPublished(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT l.reference, c.solved_at, l.published_at
                        FROM analytics_case_link l JOIN analytics_case c ON c.reference = l.reference
                        WHERE l.captured = TRUE AND c.solved_at IS NOT NULL
                          AND l.published_at >= ? AND l.published_at < ?
                        ORDER BY l.published_at, l.reference""")
                .params(startOf(from), startOf(to.plusDays(1)))
                .query((rs, n) -> {
                    Instant solved = rs.getTimestamp(2).toInstant();
                    Instant published = rs.getTimestamp(3).toInstant();
                    Duration after = Duration.between(solved, published);
                    return new Publication(rs.getString(1), published, after.isNegative() ? Duration.ZERO : after);
                })
                .list();
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Cases solved between the two days (inclusive), with their linked documents. */
    List<SolvedCase> solvedBetween(LocalDate from, LocalDate to) {
        Map<String, SolvedCase> cases = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT c.reference, c.category, c.subject, c.searched, l.document_key, l.captured
                        FROM analytics_case c LEFT JOIN analytics_case_link l ON l.reference = c.reference
                        WHERE c.solved_on BETWEEN ? AND ? ORDER BY c.reference, l.document_key""").params(Date.valueOf(from), Date.valueOf(to)).query(rs -> {
            String reference = rs.getString(1);
            SolvedCase c = cases.get(reference);
            if (c == null) {
                c = new SolvedCase(
                        reference,
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        new ArrayList<>(),
                        new ArrayList<>());
                cases.put(reference, c);
            }
            if (rs.getString(5) != null) {
                c.documents().add(rs.getString(5));
                if (rs.getBoolean(6)) {
                    c.captured().add(rs.getString(5));
                }
            }
        });
        return List.copyOf(cases.values());
    }

    /** Deletes cases (and their links) opened before {@code before}; returns how many cases. */
    int purgeOpenedBefore(LocalDate before) {
        jdbc.sql("""
                        DELETE FROM analytics_case_link WHERE reference IN
                        (SELECT reference FROM analytics_case WHERE opened_on < ?)""").param(Date.valueOf(before)).update();
        return jdbc.sql("DELETE FROM analytics_case WHERE opened_on < ?")
                .param(Date.valueOf(before))
                .update();
    }

    /** Deletes the links of cases that have no row (the retention purged it): what a rebuild must not bring back. */
    int purgeLinksWithoutCase() {
        return jdbc.sql("DELETE FROM analytics_case_link WHERE reference NOT IN (SELECT reference FROM analytics_case)")
                .update();
    }

    private static String bounded(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() > max ? value.substring(0, max) : value;
    }
}
