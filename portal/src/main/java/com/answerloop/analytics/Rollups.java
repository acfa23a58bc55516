package com.answerloop.analytics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Pre-summed rows of the search metrics, so that a long period reads few rows: per subject over whole weeks and whole
 * four-week blocks (both start on a Monday, so four weeks make a block), and per day over all subjects. Summing a 90-day
 * period per query read about 90 daily rows per query (seconds at a year of 1,000,000 searches); it now reads at most
 * two runs of edge days, two runs of weeks and the blocks between ({@link Spans}). Kept with every write of
 * {@link DailyCounts}, and recomputed from the daily rows where a rebuild replaced them; {@code V32_2} filled them from
 * the daily rows kept before.
 */
@Repository
class Rollups {

    /** The metrics rolled up: the search figures, which have a row per query and day. */
    static final List<Metric> METRICS = SearchCounts.METRICS;

    private static final String UPSERT = """
            INSERT INTO analytics_rollup (span_days, start_day, metric, subject, amount) VALUES (?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE amount = amount + VALUES(amount)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    Rollups(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    static boolean covers(Metric metric) {
        return METRICS.contains(metric);
    }

    /** Adds the daily increments of rolled-up metrics to their day totals, weeks and blocks. */
    void add(Map<DailyCounts.Key, Long> increments) {
        Map<List<Object>, Long> rows = new HashMap<>();
        increments.forEach((key, amount) -> {
            if (covers(key.metric())) {
                String metric = key.metric().name();
                rows.merge(List.of(1, key.day(), metric, ""), amount, Long::sum);
                for (int span : Spans.BLOCKS) {
                    rows.merge(List.of(span, Spans.startOf(key.day(), span), metric, key.subject()), amount, Long::sum);
                }
            }
        });
        if (!rows.isEmpty()) {
            batches.batchUpdate(
                    UPSERT,
                    rows.entrySet().stream()
                            .map(e -> new Object[] {
                                e.getKey().get(0),
                                Date.valueOf((LocalDate) e.getKey().get(1)),
                                e.getKey().get(2),
                                e.getKey().get(3),
                                e.getValue()
                            })
                            .toList());
        }
    }

    /** Sums per subject over the period, largest first, from the fewest rows that cover it. */
    List<DailyCounts.Row> bySubject(Metric metric, LocalDate from, LocalDate to, int limit) {
        List<Object> params = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (Spans.Part part : Spans.cover(from, to)) {
            if (part.span() == 1) {
                parts.add("SELECT subject, amount FROM analytics_daily WHERE metric = ? AND stat_day BETWEEN ? AND ?");
            } else {
                parts.add("SELECT subject, amount FROM analytics_rollup" + " WHERE span_days = " + part.span()
                        + " AND metric = ? AND start_day BETWEEN ? AND ?");
            }
            params.add(metric.name());
            params.add(Date.valueOf(part.first()));
            params.add(Date.valueOf(part.last()));
        }
        params.add(limit);
        return jdbc.sql("SELECT subject, SUM(amount) AS amount FROM (" + String.join(" UNION ALL ", parts)
                        + ") parts GROUP BY subject ORDER BY SUM(amount) DESC, subject LIMIT ?")
                .params(params)
                .query((rs, n) -> new DailyCounts.Row(rs.getString("subject"), rs.getLong("amount")))
                .list();
    }

    /** The metric's total over the period, from its day totals. */
    long total(Metric metric, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(amount), 0) FROM analytics_rollup
                        WHERE span_days = 1 AND metric = ? AND start_day BETWEEN ? AND ?""")
                .params(metric.name(), Date.valueOf(from), Date.valueOf(to))
                .query(Long.class)
                .single();
    }

    /** The metric's day totals, for days that have one. */
    List<DailyCounts.DayTotal> byDay(Metric metric, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT start_day, amount FROM analytics_rollup
                        WHERE span_days = 1 AND metric = ? AND start_day BETWEEN ? AND ? ORDER BY start_day""")
                .params(metric.name(), Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> new DailyCounts.DayTotal(rs.getDate(1).toLocalDate(), rs.getLong(2)))
                .list();
    }

    /**
     * Computes again, from the daily rows, the day totals of the days between the two (inclusive) and the weeks and
     * blocks that overlap them: after a rebuild replaced those days' rows.
     */
    void refresh(List<Metric> metrics, LocalDate from, LocalDate to) {
        // one metric per statement: with "metric IN (...)" H2 scanned the whole table for every block
        for (Metric metric : metrics.stream().filter(Rollups::covers).toList()) {
            replace(metric, 1, from, to);
            for (int span : Spans.BLOCKS) {
                for (LocalDate start = Spans.startOf(from, span); !start.isAfter(to); start = start.plusDays(span)) {
                    replace(metric, span, start, start);
                }
            }
        }
    }

    /** Replaces the rows of one span whose start lies between the two days with sums of the daily rows. */
    private void replace(Metric metric, int span, LocalDate firstStart, LocalDate lastStart) {
        jdbc.sql("""
                        DELETE FROM analytics_rollup WHERE span_days = :span AND metric = :metric
                        AND start_day BETWEEN :first AND :last""")
                .param("span", span)
                .param("metric", metric.name())
                .param("first", Date.valueOf(firstStart))
                .param("last", Date.valueOf(lastStart))
                .update();
        String select = span == 1
                ? "SELECT 1, stat_day, metric, '', SUM(amount) FROM analytics_daily"
                        + " WHERE metric = :metric AND stat_day BETWEEN :first AND :last GROUP BY stat_day, metric"
                : "SELECT CAST(:span AS INT), CAST(:first AS DATE), metric, subject, SUM(amount) FROM analytics_daily"
                        + " WHERE metric = :metric AND stat_day BETWEEN :first AND :last GROUP BY metric, subject";
        jdbc.sql("INSERT INTO analytics_rollup (span_days, start_day, metric, subject, amount) " + select)
                .param("span", span)
                .param("metric", metric.name())
                .param("first", Date.valueOf(firstStart))
                .param("last", Date.valueOf(span == 1 ? lastStart : lastStart.plusDays(span - 1L)))
                .update();
    }
}
