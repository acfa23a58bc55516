package com.answerloop.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.accounts.Role;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;

/** A support lead picks a custom period: its figures cover exactly those days, and a bad date is explained. */
class InsightsPeriodIT extends InsightsIntegrationTest {

    @Test
    void aCustomPeriodCountsItsOwnDaysOnly() throws Exception {
        Authentication editor =
                testAccounts.signedIn(testAccounts.account("period-editor@example.org", "Period Editor", Role.EDITOR));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String todayOnly = "/api/v1/insights/search?from=" + today + "&to=" + today;
        String yesterdayOnly = "/api/v1/insights/search?from=" + today.minusDays(1) + "&to=" + today.minusDays(1);
        snapshot(editor);
        long todayBefore = searches(editor, todayOnly);
        long yesterdayBefore = searches(editor, yesterdayOnly);

        Visitor visitor = new Visitor("198.51.100.60", "Firefox 140");
        mvc.perform(visitor.on(get("/search").param("q", "invoice address"))).andExpect(status().isOk());
        mvc.perform(visitor.on(get("/search").param("q", "invoice copy"))).andExpect(status().isOk());

        await(() -> searches(editor, todayOnly) == todayBefore + 2, "today's two searches to be counted");
        assertThat(searches(editor, yesterdayOnly))
                .as("a period that ended yesterday does not see today's searches")
                .isEqualTo(yesterdayBefore);
        String page = page(editor, "/admin/insights/search?from=" + today + "&to=" + today);
        assertThat(page)
                .contains(today + " to " + today + " (UTC)")
                .as("links to the other areas and the CSV exports keep the custom period")
                .contains("/admin/insights/kcs?from=" + today + "&amp;to=" + today)
                .contains("/admin/insights/search/queries.csv?from=" + today + "&amp;to=" + today);
    }

    @Test
    void aBadDateIsExplainedOnThePageAndRefusedByTheApi() throws Exception {
        Authentication editor =
                testAccounts.signedIn(testAccounts.account("period-typo@example.org", "Period Typo", Role.EDITOR));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String page = page(editor, "/admin/insights/kcs?from=2026-02-30&to=" + today);
        assertThat(page)
                .contains(
                        "The start date &quot;2026-02-30&quot; is not a date like 2026-01-31. Showing the last 30 days.")
                .contains(today.minusDays(29) + " to " + today + " (UTC)");
        assertThat(page(editor, "/admin/insights?from=" + today + "&to=" + today.minusDays(3)))
                .contains("is before the start date");

        String problem = mvc.perform(get("/api/v1/insights/kcs")
                        .param("from", today.toString())
                        .param("to", today.plusDays(1).toString())
                        .with(authentication(editor)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json.readTree(problem).get("detail").asString()).contains("is in the future");
        mvc.perform(get("/admin/insights/kcs/citations.csv")
                        .param("from", "soon")
                        .param("to", today.toString())
                        .with(authentication(editor)))
                .andExpect(status().isBadRequest());
    }

    private long searches(Authentication editor, String path) {
        return figureAt(editor, path, "Searches").get("numerator").asLong();
    }
}
