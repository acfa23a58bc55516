package com.answerloop.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.cases.CasesIntegrationTest;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The daily purge deletes visitor, question and case rows and raw searches and clicks older than the retention, and
 * nothing else.
 */
// the journey's context (same properties), so the suite starts one context less
@TestPropertySource(properties = {"answerloop.analytics.flush-ms=100", "answerloop.test.data-subdir=insights"})
class AnalyticsRetentionIT extends CasesIntegrationTest {

    @Autowired
    AnalyticsRetention retention;

    @Autowired
    AnalyticsBuffer buffer;

    @Autowired
    JdbcClient jdbc;

    @Test
    void purgesVisitorsQuestionsAndCasesOlderThanTheRetentionAndKeepsAggregates() {
        LocalDate today = buffer.today();
        LocalDate expired = today.minusDays(91);
        LocalDate oldestKept = today.minusDays(90);
        for (LocalDate day : List.of(expired, oldestKept)) {
            jdbc.sql("INSERT INTO analytics_visitor (stat_day, kind, visitor) VALUES (?, 'help', ?)")
                    .params(Date.valueOf(day), "v".repeat(63) + day.getDayOfMonth() % 10)
                    .update();
            jdbc.sql("INSERT INTO analytics_query_reach (query_hash, visitor, first_seen) VALUES (?, ?, ?)")
                    .params(QueryReach.hash("retention probe"), "visitor-" + day, Date.valueOf(day))
                    .update();
            jdbc.sql("INSERT INTO analytics_thread (thread_id, asked_at) VALUES (?, ?)")
                    .params(
                            900_000L + day.toEpochDay(),
                            Timestamp.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC)))
                    .update();
            String reference = "RET-" + day;
            jdbc.sql("""
                            INSERT INTO analytics_case (reference, opened_on, category, subject, searched)
                            VALUES (?, ?, 'Other', 'scrubbed subject', '')""").params(reference, Date.valueOf(day)).update();
            jdbc.sql("INSERT INTO analytics_case_link (reference, document_key) VALUES (?, 'article:1')")
                    .param(reference)
                    .update();
            jdbc.sql("INSERT INTO analytics_daily (stat_day, metric, subject, amount) VALUES (?, 'SEARCHES', 'old', 3)")
                    .param(Date.valueOf(day))
                    .update();
        }

        // the search module's raw rows: the last second of the expired day, the first second of the oldest kept one
        Instant keptFrom = oldestKept.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (Instant at : List.of(keptFrom.minusSeconds(1), keptFrom)) {
            jdbc.sql("""
                            INSERT INTO search_log (query, hits, filters, searched_at, visitor)
                            VALUES ('retention probe', 1, '', ?, 'retention-visitor')""").param(Timestamp.from(at)).update();
            jdbc.sql("""
                            INSERT INTO search_click (query, document_key, position, clicked_at, visitor)
                            VALUES ('retention probe', 'article:1', 1, ?, 'retention-visitor')""").param(Timestamp.from(at)).update();
        }

        retention.purge();

        for (String table : List.of("search_log", "search_click")) {
            String time = table.equals("search_log") ? "searched_at" : "clicked_at";
            assertThat(jdbc.sql("SELECT " + time + " FROM " + table + " WHERE query = 'retention probe'")
                            .query((rs, n) -> rs.getTimestamp(1).toInstant())
                            .list())
                    .as("raw " + table + " rows before the retention are purged, the oldest kept day stays")
                    .containsExactly(keptFrom);
        }

        assertThat(days("analytics_visitor", "stat_day")).contains(oldestKept).doesNotContain(expired);
        assertThat(jdbc.sql("SELECT visitor FROM analytics_query_reach WHERE query_hash = ?")
                        .param(QueryReach.hash("retention probe"))
                        .query(String.class)
                        .list())
                .as("who typed a query is forgotten after the retention, like the other per-visitor rows")
                .containsExactly("visitor-" + oldestKept);
        assertThat(jdbc.sql("SELECT thread_id FROM analytics_thread WHERE thread_id >= 900000")
                        .query(Long.class)
                        .list())
                .containsExactly(900_000L + oldestKept.toEpochDay());
        assertThat(jdbc.sql("SELECT reference FROM analytics_case WHERE reference LIKE 'RET-%'")
                        .query(String.class)
                        .list())
                .containsExactly("RET-" + oldestKept);
        assertThat(jdbc.sql("SELECT reference FROM analytics_case_link WHERE reference LIKE 'RET-%'")
                        .query(String.class)
                        .list())
                .as("an expired case's links go with it")
                .containsExactly("RET-" + oldestKept);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM analytics_daily WHERE subject = 'old'")
                        .query(Long.class)
                        .single())
                .as("aggregates are kept")
                .isEqualTo(2);
    }

    private List<LocalDate> days(String table, String column) {
        return jdbc.sql("SELECT DISTINCT " + column + " FROM " + table)
                .query((rs, n) -> rs.getDate(1).toLocalDate())
                .list();
    }
}
