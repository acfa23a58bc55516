package com.answerloop.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.accounts.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/**
 * Effort and service level, as a support lead reads them: customers send requests in two categories, an agent answers
 * and solves two (the third waits), the customers rate the effort it took; the effort page counts exactly that, from
 * the figures' changes since a snapshot.
 */
class EffortInsightsIT extends InsightsIntegrationTest {

    @Test
    void effortScoresAndFirstResponsesAreMeasuredPerCategory() throws Exception {
        Authentication editor =
                testAccounts.signedIn(testAccounts.account("effort-editor@example.org", "Effort Editor", Role.EDITOR));
        Authentication agent =
                testAccounts.signedIn(testAccounts.account("effort-agent@example.org", "Effort Agent", Role.AGENT));
        Authentication customer = testAccounts.signedIn(
                testAccounts.account("effort-customer@example.org", "Effort Customer", Role.MEMBER));
        Map<String, JsonNode> before = snapshot(editor);

        String webhook = request(customer, "Webhook retries stopped", "Integrations");
        request(customer, "Which API version is current?", "Integrations");
        String crash = request(customer, "Editor crashes on paste", "Bug report");
        answerAndSolve(agent, webhook);
        answerAndSolve(agent, crash);
        rate(customer, webhook, 4);
        rate(customer, webhook, 1); // answering again replaces the first answer
        rate(customer, crash, 6);

        await(
                () -> delta(before, editor, "effort", "Effort surveys answered") == 2
                        && deltaOfRatio(before, editor, "effort", "First responses within target")
                                .equals(List.of(2L, 2L)),
                "the answers and ratings to be counted");
        assertThat(deltaOfRatio(before, editor, "effort", "Average effort")).containsExactly(7L, 2L);
        assertThat(deltaOfRatio(before, editor, "effort", "Low effort")).containsExactly(1L, 2L);
        assertThat(delta(before, editor, "effort", "Awaiting a first response")).isEqualTo(1);
        assertThat(rows(editor, "effort", "categories"))
                .contains(
                        List.of("Bug report", "1", "6.00", "0.0%", "1", "100.0%")
                                .toString(),
                        List.of("Integrations", "1", "1.00", "100.0%", "1", "100.0%")
                                .toString());
        assertThat(page(editor, "/admin/insights/effort")).contains("Effort and service level");
    }

    private String request(Authentication customer, String subject, String category) throws Exception {
        MvcResult sent = mvc.perform(post("/contact")
                        .param("subject", subject)
                        .param("description", "Please help with " + subject)
                        .param("name", "Effort Customer")
                        .param("email", "effort-customer@example.org")
                        .param("category", category)
                        .with(csrf())
                        .with(authentication(customer)))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        return mvc.perform(get(sent.getResponse().getRedirectedUrl()).with(authentication(customer)))
                .andReturn()
                .getResponse()
                .getContentAsString()
                .replaceAll("(?s).*class=\"case-reference\">(AL-\\d+)<.*", "$1");
    }

    private void answerAndSolve(Authentication agent, String reference) throws Exception {
        mvc.perform(post("/agent/cases/" + reference + "/reply")
                        .param("body", "Fixed on our side; please try again.")
                        .param("status", "solved")
                        .with(csrf())
                        .with(authentication(agent)))
                .andExpect(status().is3xxRedirection());
    }

    private void rate(Authentication customer, String reference, int score) throws Exception {
        mvc.perform(post("/requests/" + reference + "/effort")
                        .param("score", Integer.toString(score))
                        .with(csrf())
                        .with(authentication(customer)))
                .andExpect(status().is3xxRedirection());
    }
}
