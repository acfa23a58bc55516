package com.answerloop.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.accounts.Role;
import com.answerloop.accounts.UserAccount;
import com.answerloop.cases.CasesIntegrationTest;
import com.answerloop.cases.NewRequest;
import com.answerloop.cases.TestCases;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The knowledge panel's link and flag buttons always name a document; a request without one links nothing. */
class CaseLinkFormIT extends CasesIntegrationTest {

    @Autowired
    TestCases cases;

    @Test
    void aLinkOrFlagWithoutItsDocumentIsABadRequestAndLinksNothing() throws Exception {
        UserAccount agent = testAccounts.account("agent.nokey@answerloop.test", "Agent No Key", Role.AGENT);
        String reference = cases.open(
                        new NewRequest(
                                "Which document?", "Nothing to link here.", "dana@example.org", "Dana", null, null),
                        Optional.empty())
                .reference();

        for (String action : new String[] {"links", "flags"}) {
            mvc.perform(post("/agent/cases/" + reference + "/" + action)
                            .param("title", "A title without its document")
                            .param("note", "Out of date.")
                            .with(csrf())
                            .with(authentication(testAccounts.signedIn(agent))))
                    .andExpect(status().isBadRequest());
            mvc.perform(post("/agent/cases/" + reference + "/" + action)
                            .param("key", " ")
                            .with(csrf())
                            .with(authentication(testAccounts.signedIn(agent))))
                    .andExpect(status().isBadRequest());
        }
        assertThat(cases.caseForAgent(reference).orElseThrow().links()).isEmpty();
        assertThat(cases.openFlags())
                .extracting(TestCases.OpenFlag::title)
                .doesNotContain("A title without its document");
    }
}
