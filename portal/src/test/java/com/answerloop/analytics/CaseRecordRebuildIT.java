package com.answerloop.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.accounts.Role;
import com.answerloop.cases.NewRequest;
import com.answerloop.cases.TestCases;
import com.answerloop.search.SearchHit;
import com.answerloop.search.SearchQuery;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;

/**
 * The case figures are counted again from the cases tables: after the read models lost them, a rebuild gives the same
 * figures the events gave, and running it again changes nothing.
 */
class CaseRecordRebuildIT extends InsightsIntegrationTest {

    private static final List<String> AREAS = List.of("overview", "kcs", "contacts", "effort");

    @Autowired
    CaseRecordRebuild caseRebuild;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestCases cases;

    @Test
    void aRebuildFromTheCasesTablesGivesTheFiguresTheEventsGave() throws Exception {
        Authentication agent = testAccounts.signedIn(
                testAccounts.account("case-rebuild-agent@example.org", "Case Rebuild Agent", Role.AGENT));
        Authentication editor = testAccounts.signedIn(
                testAccounts.account("case-rebuild-editor@example.org", "Case Rebuild Editor", Role.EDITOR));
        var before = snapshot(editor);
        String linked = open("Invoice shows the wrong address", "Billing");
        String solved = open("Gondola export writes empty files", "Other");
        open("Question about the gondola roadmap", "Other");
        SearchHit article = super.search
                .search(SearchQuery.of("reset password"), false)
                .hits()
                .getFirst();
        mvc.perform(post("/agent/cases/" + linked + "/links")
                        .param("key", article.key())
                        .param("title", article.title())
                        .with(csrf())
                        .with(authentication(agent)))
                .andExpect(status().is3xxRedirection());
        for (String reference : List.of(linked, solved)) {
            mvc.perform(post("/agent/cases/" + reference + "/status")
                            .param("status", "solved")
                            .with(csrf())
                            .with(authentication(agent)))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/contact/answered").param("key", article.key()).with(csrf()))
                .andExpect(status().is2xxSuccessful());
        await(() -> delta(before, editor, "kcs", "Cases solved") == 2, "the solves to be counted");
        snapshot(editor);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, String> recorded = answers(editor, AREAS, today);

        // the read models lose today's case counts and the three cases' rows
        jdbc.sql("DELETE FROM analytics_daily WHERE stat_day = :day AND metric IN (:metrics)")
                .param("day", Date.valueOf(today))
                .param("metrics", CaseCounts.METRICS.stream().map(Enum::name).toList())
                .update();
        jdbc.sql("DELETE FROM analytics_case WHERE opened_on = ?")
                .param(Date.valueOf(today))
                .update();
        assertThat(answers(editor, AREAS, today)).as("the loss shows").isNotEqualTo(recorded);

        // rebuilt as if today were over: every event of the day has arrived
        AnalyticsRebuild.Recount recount = caseRebuild.rebuild(today.plusDays(1), (events, from, to) -> {});
        assertThat(recount.replayed()).isGreaterThanOrEqualTo(6);
        assertThat(recount.to()).isEqualTo(today);
        assertThat(answers(editor, AREAS, today)).isEqualTo(recorded);

        caseRebuild.rebuild(today.plusDays(1), (events, from, to) -> {});
        assertThat(answers(editor, AREAS, today))
                .as("a second rebuild changes nothing")
                .isEqualTo(recorded);
    }

    private String open(String subject, String category) {
        return cases.open(
                        new NewRequest(
                                subject,
                                "Please help: " + subject + ".",
                                "case-rebuild-" + subject.hashCode() + "@example.org",
                                "Rebuild Customer",
                                category,
                                "gondola export"),
                        Optional.empty())
                .reference();
    }
}
