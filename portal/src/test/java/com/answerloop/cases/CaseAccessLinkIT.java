package com.answerloop.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.answerloop.accounts.Role;
import com.answerloop.accounts.UserAccount;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A case's secret link stops working 30 days after the mail that brought it (each new mail brings a fresh one), and
 * the customer or an agent can revoke every link of the case at once.
 */
class CaseAccessLinkIT extends CasesIntegrationTest {

    @Autowired
    CustomerRequests cases;

    @Autowired
    AgentDesk desk;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLinkExpiresThirtyDaysAfterItsMailAndTheNextMailBringsAWorkingOne() throws Exception {
        UserAccount agent = testAccounts.account("agent.expiry@answerloop.test", "Agent Expiry", Role.AGENT);
        OpenedCase opened = cases.open(request("Old link", "expiry@example.org"), Optional.empty());
        assertThat(status(opened.accessPath())).isEqualTo(200);

        age(opened.accessPath(), Duration.ofDays(31));
        MockHttpServletResponse expired =
                mvc.perform(get(opened.accessPath())).andReturn().getResponse();
        assertThat(expired.getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post(opened.accessPath() + "/replies")
                                .param("body", "hello")
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        desk.reply(opened.reference(), agent, "Here is what to do next.", null);
        String fresh = pathIn(lastMailTo("expiry@example.org"), "/requests/access/");
        assertThat(status(fresh)).isEqualTo(200);
        age(fresh, Duration.ofDays(29));
        assertThat(status(fresh)).as("still within 30 days of its mail").isEqualTo(200);
    }

    @Test
    void theCustomerRevokesEveryLinkOfTheRequest() throws Exception {
        UserAccount agent = testAccounts.account("agent.revoke@answerloop.test", "Agent Revoke", Role.AGENT);
        OpenedCase opened = cases.open(request("Forwarded by mistake", "revoke@example.org"), Optional.empty());
        desk.reply(opened.reference(), agent, "A reply with a second link.", null);
        String second = pathIn(lastMailTo("revoke@example.org"), "/requests/access/");
        assertThat(mvc.perform(get(opened.accessPath()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Revoke links to this request");

        MockHttpServletResponse revoked = mvc.perform(
                        post(opened.accessPath() + "/revoke").with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(revoked.getStatus()).isEqualTo(200);
        assertThat(revoked.getContentAsString()).contains("Every private link to this request has stopped working");
        assertThat(status(opened.accessPath())).isEqualTo(404);
        assertThat(status(second)).isEqualTo(404);

        desk.reply(opened.reference(), agent, "A new link after the revocation.", null);
        assertThat(status(pathIn(lastMailTo("revoke@example.org"), "/requests/access/")))
                .isEqualTo(200);
    }

    @Test
    void anAgentRevokesTheCustomersLinksFromTheConsole() throws Exception {
        UserAccount agent = testAccounts.account("agent.console.revoke@answerloop.test", "Agent Console", Role.AGENT);
        OpenedCase opened = cases.open(request("Revoke from the console", "console@example.org"), Optional.empty());
        assertThat(page(get("/agent/cases/" + opened.reference()), agent)).contains("Revoke customer links");

        mvc.perform(post("/agent/cases/" + opened.reference() + "/access-links/revoke")
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(agent))))
                .andReturn();
        assertThat(status(opened.accessPath())).isEqualTo(404);
    }

    private int status(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getStatus();
    }

    /** Moves the link's mail back in time, as if it had been sent that long ago. */
    private void age(String accessPath, Duration age) {
        String token = accessPath.substring("/requests/access/".length());
        int updated = jdbc.update(
                "update case_access_tokens set created_at = ? where token_hash = ?",
                Timestamp.from(Instant.now().minus(age)),
                CaseAccessToken.hash(token));
        assertThat(updated).isOne();
    }

    private static NewRequest request(String subject, String email) {
        return new NewRequest(subject, "Details of: " + subject, email, null, null, null);
    }
}
