package com.answerloop.analytics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The daily aggregate rows: one counter per day, metric and subject. The search metrics are also kept rolled up
 * ({@link Rollups}), and their sums are read from there.
 */
@Repository
class DailyCounts {

    /** One day's count of a metric for a subject. */
    record Key(LocalDate day, Metric metric, String subject) {}

    /** A summed row of a report. */
    record Row(String subject, long amount) {}

    /** A day's total of a metric. */
    record DayTotal(LocalDate day, long amount) {}

    static final int MAX_SUBJECT = 200;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Rollups rollups;

    DailyCounts(JdbcClient jdbc, JdbcTemplate batches, Rollups rollups) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.rollups = rollups;
    }

    /** Adds the increments to the daily rows and the roll-ups. */
    void add(Map<Key, Long> increments) {
        addDaily(increments);
        rollups.add(increments);
    }

    /** Adds the increments with one batched upsert (H2 in MySQL mode and MariaDB/MySQL share the syntax). */
    private void addDaily(Map<Key, Long> increments) {
        if (increments.isEmpty()) {
            return;
        }
        List<Object[]> rows = increments.entrySet().stream()
                .map(e -> new Object[] {
                    Date.valueOf(e.getKey().day()),
                    e.getKey().metric().name(),
                    e.getKey().subject(),
                    e.getValue()
                })
                .toList();
        batches.batchUpdate("""
                INSERT INTO analytics_daily (stat_day, metric, subject, amount) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE amount = amount + VALUES(amount)""", rows);
    }

    long total(Metric metric, LocalDate from, LocalDate to) {
        if (Rollups.covers(metric)) {
            return rollups.total(metric, from, to);
        }
        return jdbc.sql("""
                        SELECT COALESCE(SUM(amount), 0) FROM analytics_daily
                        WHERE metric = ? AND stat_day BETWEEN ? AND ?""")
                .params(metric.name(), Date.valueOf(from), Date.valueOf(to))
                .query(Long.class)
                .single();
    }

    /** Sums per subject, largest first. */
    List<Row> bySubject(Metric metric, LocalDate from, LocalDate to, int limit) {
        if (Rollups.covers(metric)) {
            return rollups.bySubject(metric, from, to, limit);
        }
        return jdbc.sql("""
                        SELECT subject, SUM(amount) AS amount FROM analytics_daily
                        WHERE metric = ? AND stat_day BETWEEN ? AND ?
                        GROUP BY subject ORDER BY SUM(amount) DESC, subject LIMIT ?""")
                .params(metric.name(), Date.valueOf(from), Date.valueOf(to), limit)
                .query((rs, n) -> new Row(rs.getString("subject"), rs.getLong("amount")))
                .list();
    }

    /** Sums per day, for days that have a row. */
    List<DayTotal> byDay(Metric metric, LocalDate from, LocalDate to) {
        if (Rollups.covers(metric)) {
            return rollups.byDay(metric, from, to);
        }
        return jdbc.sql("""
                        SELECT stat_day, SUM(amount) AS amount FROM analytics_daily
                        WHERE metric = ? AND stat_day BETWEEN ? AND ?
                        GROUP BY stat_day ORDER BY stat_day""")
                .params(metric.name(), Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> new DayTotal(rs.getDate("stat_day").toLocalDate(), rs.getLong("amount")))
                .list();
    }

    /**
     * Replaces the metrics' rows of the days between the two (inclusive) with {@code counted}, and the roll-ups that
     * hold those days: what a rebuild does, in its transaction.
     */
    void replace(List<Metric> metrics, LocalDate from, LocalDate to, Map<Key, Long> counted) {
        for (Metric metric : metrics) {
            jdbc.sql("DELETE FROM analytics_daily WHERE metric = ? AND stat_day BETWEEN ? AND ?")
                    .params(metric.name(), Date.valueOf(from), Date.valueOf(to))
                    .update();
        }
        addDaily(counted);
        rollups.refresh(metrics, from, to);
    }
}
