package com.answerloop.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.accounts.Role;
import com.answerloop.accounts.UserAccount;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Values longer than their columns get a clear message, never a 500 from the database. */
class CaseLengthLimitsIT extends CasesIntegrationTest {

    @Autowired
    TestCases cases;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aContactNameOverItsLengthIsRefusedOnTheForm() throws Exception {
        String page = mvc.perform(post("/contact")
                        .param("subject", "Long name on the contact form")
                        .param("description", "My name is long, and the form should say so.")
                        .param("email", "long.name@example.org")
                        .param("name", "N".repeat(121))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("Keep your name to 120 characters.");
        assertThat(jdbc.queryForObject(
                        "select count(*) from support_cases where customer_email = ?",
                        Long.class,
                        "long.name@example.org"))
                .isZero();
    }

    @Test
    void linkAndFlagTitlesOverTheirLengthAreRefusedWithAMessage() throws Exception {
        UserAccount agent = testAccounts.account("agent.lengths@answerloop.test", "Agent Lengths", Role.AGENT);
        String ref = cases.open(
                        new NewRequest(
                                "Lengths of linked titles",
                                "A case to link and flag documents with very long titles.",
                                "lengths@example.org",
                                "Len Customer",
                                null,
                                null),
                        Optional.empty())
                .reference();
        String title = "T".repeat(301);

        mvc.perform(post("/agent/cases/" + ref + "/links")
                        .param("key", "article:1")
                        .param("title", title)
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "Give the document a title of at most 300 characters."));
        mvc.perform(post("/agent/cases/" + ref + "/flags")
                        .param("key", "article:1")
                        .param("title", title)
                        .param("note", "Out of date.")
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "Give the document a title of at most 300 characters."));

        assertThat(cases.caseForAgent(ref).orElseThrow().links()).isEmpty();
    }
}
