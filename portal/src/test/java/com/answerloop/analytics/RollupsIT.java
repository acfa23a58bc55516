package com.answerloop.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The search sums read from the roll-ups equal the sums of the daily rows, for periods of every length and alignment,
 * as counts arrive and after a rebuild replaced some days.
 */
class RollupsIT extends InsightsIntegrationTest {

    /** Days of their own, far from the days the other tests count on. */
    private static final LocalDate FIRST = LocalDate.of(2001, 1, 1);

    @Autowired
    DailyCounts counts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sumsFromTheRollupsEqualTheDailySums() {
        Random random = new Random(18);
        counts.add(increments(random, 400));
        counts.add(increments(random, 400)); // counts arriving again for the same days and queries
        assertSameSums(random);

        // a rebuild replaces days in the middle of weeks and blocks with other counts
        LocalDate from = FIRST.plusDays(45);
        LocalDate to = FIRST.plusDays(101);
        Map<DailyCounts.Key, Long> recounted = new HashMap<>();
        increments(random, 200).forEach((key, amount) -> {
            if (!key.day().isBefore(from) && !key.day().isAfter(to)) {
                recounted.put(key, amount);
            }
        });
        counts.replace(SearchCounts.METRICS, from, to, recounted);
        assertSameSums(random);
    }

    @Test
    void theMigrationFillsTheRollupsFromTheDailyRowsKeptBefore() throws Exception {
        Random random = new Random(32);
        counts.add(increments(random, 300));
        jdbc.sql("DELETE FROM analytics_rollup").update();
        String vendor = jdbc.sql("SELECT 1").query(rs -> {
            String product = rs.getStatement().getConnection().getMetaData().getDatabaseProductName();
            return product.toLowerCase(java.util.Locale.ROOT);
        });
        String folder = vendor.contains("h2") ? "h2" : vendor.contains("mariadb") ? "mariadb" : "mysql";
        String script = new String(
                new org.springframework.core.io.ClassPathResource(
                                "db/vendor/" + folder + "/V32_2__analytics_rollup_fill.sql")
                        .getInputStream()
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        for (String statement : script.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                jdbc.sql(statement).update();
            }
        }
        assertSameSums(random);
    }

    private void assertSameSums(Random random) {
        for (int i = 0; i < 40; i++) {
            LocalDate from = FIRST.plusDays(random.nextInt(150));
            LocalDate to = from.plusDays(List.of(0, 6, 29, 89, 120).get(i % 5));
            for (Metric metric : List.of(Metric.SEARCHES, Metric.SEARCH_CLICKS, Metric.DOCUMENT_CLICKS)) {
                assertThat(counts.bySubject(metric, from, to, Integer.MAX_VALUE))
                        .as("%s %s to %s", metric, from, to)
                        .isEqualTo(dailySums(metric, from, to));
                assertThat(counts.total(metric, from, to))
                        .isEqualTo(dailySums(metric, from, to).stream()
                                .mapToLong(DailyCounts.Row::amount)
                                .sum());
                assertThat(counts.byDay(metric, from, to)).isEqualTo(dailyTotals(metric, from, to));
            }
        }
    }

    private static Map<DailyCounts.Key, Long> increments(Random random, int count) {
        Map<DailyCounts.Key, Long> increments = new HashMap<>();
        for (int i = 0; i < count; i++) {
            LocalDate day = FIRST.plusDays(random.nextInt(280));
            Metric metric = List.of(Metric.SEARCHES, Metric.SEARCH_CLICKS, Metric.DOCUMENT_CLICKS)
                    .get(random.nextInt(3));
            increments.merge(
                    new DailyCounts.Key(day, metric, "rollup query " + random.nextInt(12)),
                    1L + random.nextInt(5),
                    Long::sum);
        }
        return increments;
    }

    private List<DailyCounts.Row> dailySums(Metric metric, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT subject, SUM(amount) FROM analytics_daily WHERE metric = ? AND stat_day BETWEEN ? AND ?
                        GROUP BY subject ORDER BY SUM(amount) DESC, subject""")
                .params(metric.name(), Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> new DailyCounts.Row(rs.getString(1), rs.getLong(2)))
                .list();
    }

    private List<DailyCounts.DayTotal> dailyTotals(Metric metric, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT stat_day, SUM(amount) FROM analytics_daily WHERE metric = ? AND stat_day BETWEEN ? AND ?
                        GROUP BY stat_day ORDER BY stat_day""")
                .params(metric.name(), Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> new DailyCounts.DayTotal(rs.getDate(1).toLocalDate(), rs.getLong(2)))
                .list();
    }
}
