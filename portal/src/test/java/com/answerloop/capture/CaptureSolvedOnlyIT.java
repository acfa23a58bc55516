package com.answerloop.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.accounts.Role;
import com.answerloop.accounts.UserAccount;
import com.answerloop.cases.CasesIntegrationTest;
import com.answerloop.cases.NewRequest;
import com.answerloop.cases.TestCases;
import com.answerloop.knowledge.ArticleDraft;
import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.ArticleState;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Only a solved case is captured as an article: the server refuses a new case even when the button is bypassed. */
class CaptureSolvedOnlyIT extends CasesIntegrationTest {

    @Autowired
    TestCases cases;

    @Autowired
    ArticleManagement articles;

    @Test
    void aNewCaseCannotBeCapturedThroughTheServer() throws Exception {
        UserAccount agent = testAccounts.account("agent.unsolved@answerloop.test", "Agent Unsolved", Role.AGENT);
        String ref = cases.open(
                        new NewRequest(
                                "Quartz printer drops every second page",
                                "The quartz printer drops every second page since the update.",
                                "quartz.customer@example.org",
                                "Quinn Customer",
                                null,
                                "quartz printer"),
                        Optional.empty())
                .reference();

        mvc.perform(get("/agent/cases/" + ref + "/capture").with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().isConflict());
        mvc.perform(post("/agent/cases/" + ref + "/capture")
                        .param("title", "Quartz printer drops every second page")
                        .param("body", "## Issue\nPages drop.\n\n## Resolution\nNone yet.\n")
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().isConflict());

        assertThat(articles.inState(ArticleState.NOT_VALIDATED))
                .extracting(ArticleDraft::title)
                .doesNotContain("Quartz printer drops every second page");
    }
}
