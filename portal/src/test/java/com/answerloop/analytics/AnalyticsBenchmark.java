package com.answerloop.analytics;

import com.answerloop.search.SearchPerformed;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Analytics benchmark (not part of the test suite; run by {@code scripts/bench-analytics.sh}): a year of synthetic
 * search log (1,000,000 searches by default, a third of them clicked, Zipf-like queries) and 100,000 cases; then the
 * rebuild of the search figures from that log, every insights area over 7, 30, 90 and 365 days, and the live
 * aggregation path (listener, scrubber, buffer, batched write) on one thread. Prints RESULT lines.
 */
@EnabledIfSystemProperty(named = "bench.analytics", matches = "true")
class AnalyticsBenchmark extends InsightsIntegrationTest {

    private static final int QUERIES = 20_000;
    private static final String[] WORDS =
            ("account password reset invoice refund export import login email address billing plan upgrade"
                            + " cancel order shipping parcel tracking router printer sync error crash update install"
                            + " licence permit api token webhook report dashboard team member role calendar mobile")
                    .split(" ");

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    AnalyticsRebuild rebuild;

    @Autowired
    Insights insights;

    @Autowired
    EventRecorder recorder;

    @Autowired
    AnalyticsBuffer buffer;

    @Autowired
    DailyCounts counts;

    @Autowired
    QueryDisclosure privacy;

    @Test
    void aYearOfSearchesAndCases() {
        int events = Integer.getInteger("bench.events", 1_000_000);
        int cases = Integer.getInteger("bench.cases", 100_000);
        LocalDate today = buffer.today();
        Instant yearAgo = today.minusDays(365).atStartOfDay(ZoneOffset.UTC).toInstant();
        Random random = new Random(42);
        String[] queries = new String[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            queries[i] = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)]
                    + (i % 3 == 0 ? " " + WORDS[random.nextInt(WORDS.length)] : "");
        }

        long start = System.nanoTime();
        long clicks = generateSearchLog(events, queries, yearAgo, random);
        generateCases(cases, today, random);
        result("generate", "%d searches, %d clicks, %d cases in %.1f s", events, clicks, cases, seconds(start));

        start = System.nanoTime();
        AnalyticsRebuild.Progress done = rebuild.run();
        double rebuildSeconds = seconds(start);
        result(
                "rebuild",
                "%d events replayed in %.1f s: %.0f events/s (%s)",
                done.replayed(),
                rebuildSeconds,
                done.replayed() / rebuildSeconds,
                done.state());

        for (int days : List.of(7, 30, 90, 365)) {
            searchAreaSteps(today.minusDays(days - 1L), today);
        }
        // -Dbench.areas=search,kcs measures only those areas
        List<String> areas = System.getProperty("bench.areas", "").isBlank()
                ? Insights.AREAS
                : List.of(System.getProperty("bench.areas").split(","));
        for (String area : areas) {
            for (int days : List.of(7, 30, 90, 365)) {
                Period period = new Period(today.minusDays(days - 1L), today, days);
                for (int warm = 0; warm < 3; warm++) {
                    insights.area(area, period);
                }
                double[] millis = new double[20];
                for (int run = 0; run < millis.length; run++) {
                    // a live portal writes its counts every second: without a write between views, H2 answered the
                    // same queries from its cache of results and the figures were far too low
                    recorder.on(new SearchPerformed(queries[zipf(random)], 3, "", Instant.now(), "bench-view-" + run));
                    buffer.flush();
                    long t = System.nanoTime();
                    insights.area(area, period);
                    millis[run] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(millis);
                result(
                        "page",
                        "%-12s %3d days: p50 %7.1f ms  p95 %7.1f ms",
                        area,
                        days,
                        millis[millis.length / 2],
                        millis[(int) Math.ceil(0.95 * millis.length) - 1]);
            }
        }

        int live = Integer.getInteger("bench.live", 200_000);
        start = System.nanoTime();
        for (int i = 0; i < live; i++) {
            recorder.on(new SearchPerformed(
                    queries[zipf(random)], i % 12 == 0 ? 0 : 5, "", Instant.now(), "bench-" + (i % 50_000)));
            if (i % 50_000 == 49_999) {
                buffer.flush();
            }
        }
        buffer.flush();
        double liveSeconds = seconds(start);
        result(
                "live",
                "%d searches through the listener, scrubber, buffer and batched write in %.1f s: %.0f searches/s"
                        + " on one thread",
                live,
                liveSeconds,
                live / liveSeconds);
    }

    /** Where the search area's time goes: the per-query sums, and the privacy check of the queries to list. */
    private void searchAreaSteps(LocalDate from, LocalDate to) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        for (Metric metric : List.of(Metric.SEARCHES, Metric.SEARCH_CLICKS, Metric.ZERO_RESULT_SEARCHES)) {
            long t = System.nanoTime();
            int rows = counts.bySubject(metric, from, to, Integer.MAX_VALUE).size();
            result("step", "%3d days: %-22s sum per query %7.1f ms (%d queries)", days, metric, millis(t), rows);
        }
        java.util.Map<String, Long> searches =
                Insights.map(counts.bySubject(Metric.SEARCHES, from, to, Integer.MAX_VALUE));
        long t = System.nanoTime();
        privacy.searchQueries(searches);
        result("step", "%3d days: privacy check of the queries to list %7.1f ms", days, millis(t));
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private long generateSearchLog(int events, String[] queries, Instant yearAgo, Random random) {
        long yearSeconds = 365L * 24 * 3600;
        long clicks = 0;
        List<Object[]> searches = new ArrayList<>();
        List<Object[]> clicked = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            Instant at = yearAgo.plusSeconds((long) (random.nextDouble() * yearSeconds));
            String query = queries[zipf(random)];
            String visitor = "v" + random.nextInt(200_000);
            boolean zero = random.nextInt(100) < 8;
            searches.add(new Object[] {query, zero ? 0 : 1 + random.nextInt(40), "", Timestamp.from(at), visitor});
            if (!zero && random.nextInt(3) == 0) {
                clicked.add(new Object[] {
                    query, "article:" + (1 + random.nextInt(500)), 1, Timestamp.from(at.plusSeconds(5)), visitor
                });
                clicks++;
            }
            if (searches.size() == 10_000) {
                flush(searches, clicked);
            }
        }
        flush(searches, clicked);
        return clicks;
    }

    private void flush(List<Object[]> searches, List<Object[]> clicked) {
        jdbcTemplate.batchUpdate(
                "INSERT INTO search_log (query, hits, filters, searched_at, visitor) VALUES (?, ?, ?, ?, ?)", searches);
        jdbcTemplate.batchUpdate(
                "INSERT INTO search_click (query, document_key, position, clicked_at, visitor) VALUES (?, ?, ?, ?, ?)",
                clicked);
        searches.clear();
        clicked.clear();
    }

    private void generateCases(int cases, LocalDate today, Random random) {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> links = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            LocalDate opened = today.minusDays(random.nextInt(365));
            Instant solvedAt =
                    opened.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600L + random.nextInt(3 * 24 * 3600));
            boolean solved = random.nextInt(10) < 8
                    && !LocalDate.ofInstant(solvedAt, ZoneOffset.UTC).isAfter(today);
            String reference = "BENCH-" + i;
            rows.add(new Object[] {
                reference,
                Date.valueOf(opened),
                "Billing",
                WORDS[random.nextInt(WORDS.length)] + " problem",
                "",
                solved ? Date.valueOf(LocalDate.ofInstant(solvedAt, ZoneOffset.UTC)) : null,
                solved ? Timestamp.from(solvedAt) : null
            });
            int kind = random.nextInt(20);
            if (solved && kind < 6) {
                links.add(new Object[] {reference, "article:" + (1 + random.nextInt(500)), false, null});
            } else if (solved && kind == 6) {
                links.add(new Object[] {
                    reference,
                    "article:" + (10_000 + i),
                    true,
                    Timestamp.from(solvedAt.plusSeconds(random.nextInt(86_400 * 5)))
                });
            }
            if (rows.size() == 10_000 || i == cases - 1) {
                jdbcTemplate.batchUpdate(
                        "INSERT INTO analytics_case (reference, opened_on, category, subject, searched, solved_on,"
                                + " solved_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        rows);
                jdbcTemplate.batchUpdate(
                        "INSERT INTO analytics_case_link (reference, document_key, captured, published_at)"
                                + " VALUES (?, ?, ?, ?)",
                        links);
                rows.clear();
                links.clear();
            }
        }
    }

    /** A Zipf-like rank: a few queries are searched very often, most rarely. */
    private static int zipf(Random random) {
        return (int) (QUERIES * Math.pow(random.nextDouble(), 3));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void result(String stage, String format, Object... args) {
        System.out.println("RESULT " + stage + ": " + String.format(Locale.ROOT, format, args));
    }
}
