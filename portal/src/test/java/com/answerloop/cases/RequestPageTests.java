package com.answerloop.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.shared.readonly.ReadOnlyMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The customer's request page alone (a web slice, services mocked): which forms it offers follows {@link CaseGuardian},
 * the same rules the services enforce.
 */
@WebMvcTest(
        controllers = RequestsController.class,
        // only this module's web parts: other modules' page advice needs their services
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "com\\.answerloop\\.(?!cases\\.).*"))
@Import(CaseGuardian.class)
@EnableConfigurationProperties(CasesSettings.class)
@WithMockUser
class RequestPageTests {

    private static final String TOKEN = "a-secret-link-token-of-enough-length";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CustomerRequests requests;

    @MockitoBean
    AccountManagement accounts;

    // the header's queue count asks it (for agents only)
    @MockitoBean
    AgentDesk desk;

    // the layout's banner asks it by name
    @MockitoBean(name = "readOnlyMode")
    ReadOnlyMode readOnlyMode;

    @Test
    void aClosedRequestOffersNoReplyButTheSurvey() throws Exception {
        String page = pageFor(CaseStatus.CLOSED);
        assertThat(page).contains("This request is closed.").doesNotContain("Add a reply");
        assertThat(page).contains("id=\"effort\"");
    }

    @Test
    void aSolvedRequestSaysReplyingReopensIt() throws Exception {
        String page = pageFor(CaseStatus.SOLVED);
        assertThat(page).contains("Add a reply").contains("Replying reopens your request.");
        assertThat(page).contains("id=\"effort\"");
    }

    @Test
    void anOpenRequestTakesRepliesAndAsksNoSurveyYet() throws Exception {
        String page = pageFor(CaseStatus.OPEN);
        assertThat(page)
                .contains("Add a reply")
                .doesNotContain("Replying reopens")
                .doesNotContain("id=\"effort\"");
    }

    private String pageFor(CaseStatus status) throws Exception {
        given(requests.requestByToken(TOKEN)).willReturn(Optional.of(request(status)));
        return mvc.perform(get("/requests/access/" + TOKEN))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static CaseView request(CaseStatus status) {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        return new CaseView(
                1,
                "AL-1001",
                "Printer offline",
                "It says offline.",
                "ana@example.org",
                "Ana",
                null,
                null,
                status,
                null,
                null,
                null,
                now,
                now,
                null,
                null,
                null,
                List.of(new CaseView.Message(1, MessageKind.CUSTOMER, "Ana", "It says offline.", now)),
                List.of(),
                List.of());
    }
}
