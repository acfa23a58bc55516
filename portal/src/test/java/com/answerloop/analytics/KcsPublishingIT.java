package com.answerloop.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.accounts.Role;
import com.answerloop.capture.CaptureManagement;
import com.answerloop.capture.CaptureProposal;
import com.answerloop.cases.TestCases;
import com.answerloop.knowledge.ArticleDraft;
import com.answerloop.search.SearchHit;
import com.answerloop.search.SearchQuery;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import tools.jackson.databind.JsonNode;

/**
 * Reuse vs create and the time from a solved case to its published article: an agent solves one case by linking an
 * existing article, captures another as a new article that an editor publishes, and solves a third with neither.
 */
class KcsPublishingIT extends InsightsIntegrationTest {

    @Autowired
    TestCases cases;

    @Autowired
    CaptureManagement capture;

    @Test
    void reuseCreateAndTimeToPublishFollowWhatTheAgentDid() throws Exception {
        Authentication agent =
                testAccounts.signedIn(testAccounts.account("kcs-agent@example.org", "Kcs Agent", Role.AGENT));
        Authentication editor =
                testAccounts.signedIn(testAccounts.account("kcs-editor@example.org", "Kcs Editor", Role.EDITOR));
        Map<String, JsonNode> before = snapshot(editor);
        String reused = cases.openAnonymous("Cannot sign in after the update", "Kcs Customer");
        String created = cases.openAnonymous("Gondola export writes empty files", "Kcs Customer");
        String neither = cases.openAnonymous("Question about the gondola roadmap", "Kcs Customer");
        SearchHit existing = super.search
                .search(SearchQuery.of("reset password"), false)
                .hits()
                .getFirst();
        mvc.perform(post("/agent/cases/" + reused + "/links")
                        .param("key", existing.key())
                        .param("title", existing.title())
                        .with(csrf())
                        .with(authentication(agent)))
                .andExpect(status().is3xxRedirection());
        for (String reference : List.of(reused, created, neither)) {
            mvc.perform(post("/agent/cases/" + reference + "/status")
                            .param("status", "solved")
                            .with(csrf())
                            .with(authentication(agent)))
                    .andExpect(status().is3xxRedirection());
        }
        CaptureProposal proposal = capture.propose(created).orElseThrow();
        mvc.perform(post("/agent/cases/" + created + "/capture")
                        .param("title", "Gondola export writes empty files")
                        .param("body", capture.scrubbed(proposal, List.of()))
                        .param("category", "using-the-help-center/your-account")
                        .with(csrf())
                        .with(authentication(agent)))
                .andExpect(status().is3xxRedirection());
        ArticleDraft draft = capture.capturedArticleOf(created).orElseThrow();
        await(
                () -> delta(before, editor, "kcs", "Cases solved") == 3
                        && delta(before, editor, "kcs", "Citations") == 2,
                "the solved cases and both links to be counted");
        assertThat(delta(before, editor, "kcs", "Captured articles published"))
                .as("a captured draft is not published yet")
                .isZero();

        mvc.perform(post("/editor/articles/" + draft.slug() + "/approve")
                        .with(csrf())
                        .with(authentication(editor)))
                .andExpect(status().is3xxRedirection());

        await(
                () -> delta(before, editor, "kcs", "Captured articles published") == 1,
                "the published captured article to be counted");
        assertThat(delta(before, editor, "kcs", "Solved by reuse")).isEqualTo(1);
        assertThat(delta(before, editor, "kcs", "Solved by a new article")).isEqualTo(1);
        assertThat(deltaOfRatio(before, editor, "kcs", "Reuse share")).containsExactly(1L, 2L);
        // the only capture in this context: solved and published seconds apart
        assertThat(figure(editor, "kcs", "Median time to publish").get("value").asString())
                .isEqualTo("0.0 h");
        String week = LocalDate.now(ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
                .toString();
        assertThat(rows(editor, "kcs", "publishing"))
                .contains(List.of(week, "1", "0.0 h", "0.0 h").toString());
    }
}
