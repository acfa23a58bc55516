package com.answerloop.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.accounts.Role;
import com.answerloop.accounts.UserAccount;
import com.answerloop.search.SearchQuery;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * The event a solved case announces, as Spring Modulith's {@link Scenario}: the agent's action is the stimulus, the
 * {@link CaseResolved} event the expected outcome. It carries how many documents the agent linked (kept in capture,
 * read through {@code cases.spi.CaseLinks}), the reuse figure analytics will count.
 */
@EnableScenarios
class CaseResolvedEventIT extends CasesIntegrationTest {

    @Autowired
    TestCases cases;

    @Test
    void solvingACaseAnnouncesItWithTheNumberOfLinkedDocuments(Scenario scenario) throws Exception {
        UserAccount agent = testAccounts.account("agent.events@answerloop.test", "Agent Events", Role.AGENT);
        String reference = cases.open(
                        new NewRequest("Cannot sign in", "Locked out.", "dana@example.org", "Dana", null, null),
                        Optional.empty())
                .reference();
        var hit = search.search(SearchQuery.of("password"), true).hits().getFirst();
        mvc.perform(post("/agent/cases/" + reference + "/links")
                        .param("key", hit.key())
                        .param("title", hit.title())
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().is3xxRedirection());

        scenario.stimulate(() -> cases.reply(reference, agent, "Reset it with the link.", CaseStatus.SOLVED))
                .andWaitForEventOfType(CaseResolved.class)
                .matching(event -> event.reference().equals(reference))
                .toArriveAndVerify(event -> assertThat(event.linkedDocuments()).isEqualTo(1));
    }
}
