package com.answerloop.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.accounts.Role;
import com.answerloop.accounts.UserAccount;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;

/**
 * Who may see a case: its customer (signed in, or through the secret link), and agents. Nobody else, whatever
 * reference, id or token they try; and internal notes never reach the customer's page or mail.
 */
class CaseAccessControlIT extends CasesIntegrationTest {

    @Autowired
    TestCases cases;

    @Test
    void aCustomerSeesOnlyTheirOwnRequests() throws Exception {
        UserAccount alice = testAccounts.account("alice.cases@example.org", "Alice");
        UserAccount bob = testAccounts.account("bob.cases@example.org", "Bob");
        OpenedCase alices = cases.open(request("Alice's printer is on fire"), Optional.of(alice));
        OpenedCase bobs = cases.open(request("Bob's secret problem"), Optional.of(bob));

        String list = page(get("/requests"), testAccounts.signedIn(alice));
        assertThat(list).contains(alices.reference()).doesNotContain(bobs.reference());
        assertThat(page(get("/requests/" + alices.reference()), testAccounts.signedIn(alice)))
                .contains("Alice&#39;s printer is on fire");

        // Bob's case by its reference, by neighbouring references and by other spellings: all 404, like no case
        // (Alice's own case is the one just before Bob's, so it is left out of the guesses)
        int bobNumber = Integer.parseInt(bobs.reference().substring(3));
        for (String guess : new String[] {
            bobs.reference(),
            bobs.reference().toLowerCase(),
            "AL-" + (bobNumber + 1),
            "AL-" + (bobNumber - 1),
            "1",
            String.valueOf(bobNumber - 1000)
        }) {
            if (guess.equals(alices.reference())) {
                continue;
            }
            mvc.perform(get("/requests/" + guess).with(authentication(testAccounts.signedIn(alice))))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post("/requests/" + bobs.reference() + "/replies")
                        .param("body", "let me in")
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(alice))))
                .andExpect(status().isNotFound());
        assertThat(cases.caseForAgent(bobs.reference()).orElseThrow().messages())
                .noneMatch(m -> m.body().equals("let me in"));
    }

    @Test
    void anonymousVisitorsNeedTheSecretLinkAndGuessedTokensFindNothing() throws Exception {
        OpenedCase opened = cases.open(request("Anonymous request"), Optional.empty());
        mvc.perform(get("/requests/" + opened.reference())).andExpect(status().is3xxRedirection());
        mvc.perform(get(opened.accessPath())).andExpect(status().isOk());

        String token = opened.accessPath().substring("/requests/access/".length());
        assertThat(token).hasSizeGreaterThanOrEqualTo(43); // 256 random bits, base64url
        String flipped = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        for (String guess : new String[] {flipped, token.substring(0, 42), opened.reference(), "1", "x".repeat(43)}) {
            mvc.perform(get("/requests/access/" + guess)).andExpect(status().isNotFound());
            mvc.perform(post("/requests/access/" + guess + "/replies")
                            .param("body", "hi")
                            .with(csrf()))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void onlyAgentsReachTheConsoleAndAgentsSeeEveryCase() throws Exception {
        UserAccount customer = testAccounts.account("carol.cases@example.org", "Carol");
        UserAccount agent = testAccounts.account("agent.access@answerloop.test", "Agent Access", Role.AGENT);
        UserAccount editor = testAccounts.account("editor.access@answerloop.test", "Editor Access", Role.EDITOR);
        OpenedCase opened = cases.open(request("Carol needs help"), Optional.of(customer));

        mvc.perform(get("/agent/cases")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/agent/cases").with(authentication(testAccounts.signedIn(customer))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/agent/cases/" + opened.reference()).with(authentication(testAccounts.signedIn(editor))))
                .andExpect(status().isForbidden());
        assertThat(page(get("/agent/cases").param("view", "all"), testAccounts.signedIn(agent)))
                .contains(opened.reference());
        assertThat(page(get("/agent/cases/" + opened.reference()), testAccounts.signedIn(agent)))
                .contains("Carol needs help")
                .contains("carol.cases@example.org");

        // one click links an article from the knowledge panel; its reuse count shows in the panel
        var hit = search.search(com.answerloop.search.SearchQuery.of("password"), true)
                .hits()
                .getFirst();
        mvc.perform(post("/agent/cases/" + opened.reference() + "/links")
                        .param("key", hit.key())
                        .param("title", hit.title())
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().is3xxRedirection());
        assertThat(cases.caseForAgent(opened.reference()).orElseThrow().links())
                .extracting(CaseView.Link::documentKey)
                .containsExactly(hit.key());
        assertThat(cases.linkCount(hit.key())).isGreaterThanOrEqualTo(1);
        assertThat(page(
                        get("/agent/cases/" + opened.reference()).param("kq", "password"),
                        testAccounts.signedIn(agent)))
                .contains("linked to " + cases.linkCount(hit.key()) + " case(s)");
        mvc.perform(post("/agent/cases/" + opened.reference() + "/flags")
                        .param("key", hit.key())
                        .param("title", hit.title())
                        .param("note", "Screenshots show the old menu")
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().is3xxRedirection());
        assertThat(cases.openFlags()).extracting(TestCases.OpenFlag::note).contains("Screenshots show the old menu");
        mvc.perform(get("/editor/review").with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().isForbidden());
    }

    @Test
    void internalNotesNeverReachTheCustomersPageOrEmail() throws Exception {
        UserAccount customer = testAccounts.account("dave.cases@example.org", "Dave");
        UserAccount agent = testAccounts.account("agent.notes@answerloop.test", "Agent Notes", Role.AGENT);
        OpenedCase opened = cases.open(request("Dave's VPN drops"), Optional.of(customer));
        String note = "INTERNAL-ONLY customer is on the legacy plan, do not offer refund";

        mvc.perform(post("/agent/cases/" + opened.reference() + "/notes")
                        .param("body", note)
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/agent/cases/" + opened.reference() + "/reply")
                        .param("body", "Please restart the VPN client.")
                        .param("status", "SOLVED")
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().is3xxRedirection());

        assertThat(page(get("/agent/cases/" + opened.reference()), testAccounts.signedIn(agent)))
                .contains(note);
        assertThat(page(get("/requests/" + opened.reference()), testAccounts.signedIn(customer)))
                .contains("Please restart the VPN client.")
                .doesNotContain("INTERNAL-ONLY");
        // a reply that solves the case is one mail carrying the reply and the survey
        await(
                () -> mailsTo("dave.cases@example.org").size() >= 2,
                "confirmation and the solving reply with its survey");
        assertThat(mailsTo("dave.cases@example.org"))
                .map(CasesIntegrationTest::text)
                .allSatisfy(mail -> assertThat(mail).doesNotContain("INTERNAL-ONLY"));
        String survey = text(mailsTo("dave.cases@example.org").getLast());
        assertThat(page(get(pathIn(survey, "/requests/access/")), (Authentication) null))
                .doesNotContain("INTERNAL-ONLY");
    }

    @Test
    void theSurveyLinkInTheEmailRecordsTheScoreInOneClick() throws Exception {
        UserAccount agent = testAccounts.account("agent.survey@answerloop.test", "Agent Survey", Role.AGENT);
        OpenedCase opened = cases.open(request("Survey me"), Optional.empty());
        cases.changeStatus(opened.reference(), agent, CaseStatus.SOLVED);
        String survey = lastMailTo("anon@example.org");
        String five = pathIn(survey, "/requests/access/").replaceAll("\\?score=\\d", "") + "/effort?score=5";
        String fromMail = survey.lines()
                .filter(line -> line.contains("effort?score=5"))
                .findFirst()
                .orElseThrow();
        String path = fromMail.substring(fromMail.indexOf("/requests/access/")).strip();

        mvc.perform(get(path)).andExpect(status().is3xxRedirection());
        assertThat(cases.caseForAgent(opened.reference()).orElseThrow().effortScore())
                .isEqualTo(5);
        assertThat(five).contains("/effort?score=5");
    }

    private String page(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Authentication who)
            throws Exception {
        if (who != null) {
            request.with(authentication(who));
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static NewRequest request(String subject) {
        return new NewRequest(subject, "Details of: " + subject, "anon@example.org", null, null, null);
    }
}
