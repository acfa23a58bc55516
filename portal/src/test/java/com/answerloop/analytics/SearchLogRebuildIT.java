package com.answerloop.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.accounts.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;

/**
 * The search figures of past days are counted again from the search log: a rebuild restores figures that were lost or
 * damaged, and running it again changes nothing.
 */
class SearchLogRebuildIT extends InsightsIntegrationTest {

    @Autowired
    AnalyticsRebuild rebuild;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DailyCounts counts;

    @Test
    void aRebuildRecountsPastDaysFromTheSearchLogAndIsIdempotent() throws Exception {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        Instant ten = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        // what the search log holds for that day: a refined search whose refinement was clicked, a search left alone
        logSearch("router reset", 3, ten, "visitor-a");
        logSearch("router factory reset", 2, ten.plusSeconds(20), "visitor-a");
        logClick("router factory reset", "article:1", ten.plusSeconds(30), "visitor-a");
        logSearch("gondola lift permit", 0, ten.plusSeconds(3600), "visitor-b");
        // and that day's aggregates were damaged: a stray count, the real ones never written
        counts.add(Map.of(new DailyCounts.Key(day, Metric.SEARCHES, "stray"), 40L));
        Authentication editor = testAccounts.signedIn(
                testAccounts.account("rebuild-editor@example.org", "Rebuild Editor", Role.EDITOR));
        String path = "/api/v1/insights/search?from=" + day + "&to=" + day;
        assertThat(figureAt(editor, path, "Searches").get("value").asString()).isEqualTo("40");

        AnalyticsRebuild.Progress done = rebuild.run();
        assertThat(done.state()).isEqualTo("done");
        assertThat(done.replayed()).isGreaterThanOrEqualTo(4);
        Map<String, List<Long>> figures = figures(editor, path);
        assertThat(figures)
                .containsEntry("Searches", List.of(3L))
                .containsEntry("Zero-result rate", List.of(1L, 3L))
                .containsEntry("Result clicks", List.of(1L))
                .containsEntry("Searches with a click", List.of(1L, 3L))
                .containsEntry("Refinement rate", List.of(1L, 3L))
                .containsEntry("Exits without a click", List.of(1L, 3L));

        rebuild.run();
        assertThat(figures(editor, path)).as("a second rebuild changes nothing").isEqualTo(figures);
    }

    @Test
    void aRebuildLearnsWhoTypedEachQueryAndListsOnlyQueriesSeveralVisitorsTyped() throws Exception {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(5);
        Instant nine = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        logSearch("ferry timetable change", 0, nine, "visitor-c");
        logSearch("ferry timetable change", 0, nine.plusSeconds(600), "visitor-d");
        for (int i = 0; i < 3; i++) {
            logSearch("ferry cabin seventeen blue suitcase", 0, nine.plusSeconds(1200 + 600 * i), "visitor-e");
        }
        Authentication editor = testAccounts.signedIn(
                testAccounts.account("rebuild-editor3@example.org", "Rebuild Editor", Role.EDITOR));

        assertThat(rebuild.run().state()).isEqualTo("done");
        assertThat(jdbc.sql("SELECT query_hash FROM analytics_query_shown")
                        .query(String.class)
                        .list())
                .as("remembered as listable by the rebuild, before any view counts its visitors")
                .contains(QueryReach.hash("ferry timetable change"))
                .doesNotContain(QueryReach.hash("ferry cabin seventeen blue suitcase"));

        String queries = page(editor, "/admin/insights/search/queries.csv?from=" + day + "&to=" + day);
        assertThat(queries)
                .as("typed by two visitors: listed")
                .contains("\"ferry timetable change\",\"2\"")
                .as("typed three times by one visitor: counted, never listed")
                .doesNotContain("suitcase");
        assertThat(figureAt(editor, "/api/v1/insights/search?from=" + day + "&to=" + day, "Queries not listed")
                        .get("value")
                        .asString())
                .isEqualTo("1");
    }

    @Test
    void anAdminStartsARebuildAndFollowsItsProgress() throws Exception {
        Authentication admin =
                testAccounts.signedIn(testAccounts.account("rebuild-admin@example.org", "Rebuild Admin", Role.ADMIN));
        Authentication editor = testAccounts.signedIn(
                testAccounts.account("rebuild-editor2@example.org", "Rebuild Editor", Role.EDITOR));
        mvc.perform(post("/admin/analytics/rebuild").with(csrf()).with(authentication(editor)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/analytics/rebuild").with(csrf()).with(authentication(admin)))
                .andExpect(status().is3xxRedirection());
        await(() -> !rebuild.progress().running(), "the rebuild to end");
        assertThat(page(admin, "/admin/analytics"))
                .contains("Events replayed")
                .contains(">" + rebuild.progress().state() + "<")
                .contains(">" + rebuild.progress().replayed() + "<");
        assertThat(rebuild.progress().state()).startsWith("done");
    }

    private Map<String, List<Long>> figures(Authentication who, String path) {
        return List.of(
                        "Searches",
                        "Zero-result rate",
                        "Result clicks",
                        "Searches with a click",
                        "Refinement rate",
                        "Exits without a click")
                .stream()
                .collect(java.util.stream.Collectors.toMap(label -> label, label -> {
                    var figure = figureAt(who, path, label);
                    return figure.get("denominator") == null
                                    || figure.get("denominator").isNull()
                            ? List.of(figure.get("numerator").asLong())
                            : List.of(
                                    figure.get("numerator").asLong(),
                                    figure.get("denominator").asLong());
                }));
    }

    private void logSearch(String query, long hits, Instant at, String visitor) {
        jdbc.sql("INSERT INTO search_log (query, hits, filters, searched_at, visitor) VALUES (?, ?, '', ?, ?)")
                .params(query, hits, Timestamp.from(at), visitor)
                .update();
    }

    private void logClick(String query, String document, Instant at, String visitor) {
        jdbc.sql("""
                        INSERT INTO search_click (query, document_key, position, clicked_at, visitor)
                        VALUES (?, ?, 1, ?, ?)""").params(query, document, Timestamp.from(at), visitor).update();
    }
}
