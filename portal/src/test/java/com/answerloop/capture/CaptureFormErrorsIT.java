package com.answerloop.capture;

import static com.answerloop.support.FormMarkup.control;
import static com.answerloop.support.FormMarkup.errorText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.answerloop.accounts.Role;
import com.answerloop.accounts.UserAccount;
import com.answerloop.cases.CaseStatus;
import com.answerloop.cases.CasesIntegrationTest;
import com.answerloop.cases.NewRequest;
import com.answerloop.cases.TestCases;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A refused capture says what to correct beside the field it is about, tied to it for screen readers, and keeps what
 * the agent typed; the rules themselves stay with every article's, in knowledge.
 */
class CaptureFormErrorsIT extends CasesIntegrationTest {

    @Autowired
    TestCases cases;

    @Test
    void aBlankTitleIsExplainedBesideTheTitleAndTheArticleTypedIsKept() throws Exception {
        UserAccount agent = testAccounts.account("agent.blank@answerloop.test", "Agent Blank", Role.AGENT);
        String reference = solvedCase(agent, "Printer queue frozen after the update");

        String page = page(
                post("/agent/cases/" + reference + "/capture")
                        .param("title", " ")
                        .param("body", "Restart the spooler service, then print again.")
                        .with(csrf()),
                agent);

        assertThat(control(page, "title"))
                .contains("aria-invalid=\"true\"")
                .contains("aria-describedby=\"title-error\"");
        assertThat(errorText(page, "title-error")).isEqualTo("Give the article a title.");
        assertThat(control(page, "body")).contains("aria-invalid=\"false\"");
        assertThat(page).contains(">Restart the spooler service, then print again.</textarea>");
    }

    @Test
    void anUnknownCategoryIsExplainedBesideTheCategory() throws Exception {
        UserAccount agent = testAccounts.account("agent.filing@answerloop.test", "Agent Filing", Role.AGENT);
        String reference = solvedCase(agent, "Scanner skips every second page");

        String page = page(
                post("/agent/cases/" + reference + "/capture")
                        .param("title", "Scanner skips every second page")
                        .param("body", "Turn off duplex detection in the scanner settings.")
                        .param("category", "no-such-category")
                        .with(csrf()),
                agent);

        assertThat(control(page, "category")).contains("aria-invalid=\"true\"");
        assertThat(errorText(page, "category-error")).isEqualTo("No category no-such-category.");
        assertThat(control(page, "title")).contains("value=\"Scanner skips every second page\"");
    }

    private String solvedCase(UserAccount agent, String subject) {
        String reference = cases.open(
                        new NewRequest(
                                subject, subject + ", since this morning.", "kim@example.org", "Kim", null, null),
                        Optional.empty())
                .reference();
        cases.reply(reference, agent, "Fixed it with the customer on the phone.", CaseStatus.SOLVED);
        return reference;
    }
}
