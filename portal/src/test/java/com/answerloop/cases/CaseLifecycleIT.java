package com.answerloop.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.answerloop.accounts.Role;
import com.answerloop.accounts.UserAccount;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The life of a case through the service: open, reply, notes, statuses, reopening, effort survey, audit trail. */
class CaseLifecycleIT extends CasesIntegrationTest {

    @Autowired
    TestCases cases;

    @Test
    void openingACaseGivesAReferenceAndEmailsAConfirmationWithASecretLink() {
        OpenedCase opened = cases.open(
                new NewRequest(
                        "Invoice shows wrong VAT",
                        "The March invoice has 19% VAT.",
                        "Ana@Example.org",
                        "Ana",
                        "Billing",
                        "vat invoice | wrong vat"),
                Optional.empty());

        assertThat(opened.reference()).matches("AL-1\\d{3,}");
        String mail = lastMailTo("ana@example.org");
        assertThat(mail).contains(opened.reference()).contains("4 business hours");
        String link = pathIn(mail, "/requests/access/");
        assertThat(link).isEqualTo(opened.accessPath());
        CaseView view = cases.requestByToken(link.substring("/requests/access/".length()))
                .orElseThrow();
        assertThat(view.reference()).isEqualTo(opened.reference());
        assertThat(view.status()).isEqualTo(CaseStatus.NEW);
        CaseView agentView = cases.caseForAgent(opened.reference()).orElseThrow();
        assertThat(agentView.searchedWords()).isEqualTo("vat invoice | wrong vat");
        assertThat(agentView.category()).isEqualTo("Billing");
    }

    @Test
    void referencesAreSequential() {
        String first = open("first@example.org").reference();
        String second = open("second@example.org").reference();
        assertThat(number(second)).isGreaterThan(number(first));
    }

    @Test
    void rejectsARequestWithoutAUsableAddress() {
        assertThatThrownBy(() -> cases.open(
                        new NewRequest("Subject", "Text", "not-an-address", null, null, null), Optional.empty()))
                .isInstanceOf(CaseProblem.class)
                .hasMessageContaining("email");
    }

    @Test
    void aReplyThatSolvesTheCaseIsOneEmailWithTheReplyAndTheSurvey() throws InterruptedException {
        UserAccount agent = testAccounts.account("agent.once@answerloop.test", "Agent Once", Role.AGENT);
        OpenedCase opened = open("once@example.org");
        lastMailTo("once@example.org");

        cases.reply(opened.reference(), agent, "Turn the export limit off under Settings.", CaseStatus.SOLVED);

        await(() -> mailsTo("once@example.org").size() >= 2, "the solved mail");
        String mail = lastMailTo("once@example.org");
        assertThat(cases.caseForAgent(opened.reference()).orElseThrow().status())
                .isEqualTo(CaseStatus.SOLVED);
        assertThat(mail)
                .contains("Agent Once replied")
                .contains("Turn the export limit off under Settings.")
                .contains("is solved")
                .contains("How much effort did you personally have to put forth");
        Thread.sleep(1_500); // a second mail, if any, would have arrived by now
        assertThat(mailsTo("once@example.org"))
                .as("confirmation and one solved mail")
                .hasSize(2);
    }

    @Test
    void walksNewOpenPendingSolvedClosedWithAnAuditTrailAndReopensOnCustomerReply() {
        UserAccount agent = testAccounts.account("agent.life@answerloop.test", "Agent Life", Role.AGENT);
        OpenedCase opened = open("walker@example.org");
        String ref = opened.reference();

        cases.reply(ref, agent, "Could you send a screenshot?", CaseStatus.PENDING);
        CaseView pending = cases.caseForAgent(ref).orElseThrow();
        assertThat(pending.status()).isEqualTo(CaseStatus.PENDING);
        assertThat(pending.assigneeName()).isEqualTo("Agent Life");
        assertThat(lastMailTo("walker@example.org")).contains("Could you send a screenshot?");

        cases.customerReply(pending.id(), "Here it is.");
        assertThat(cases.caseForAgent(ref).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);

        cases.changeStatus(ref, agent, CaseStatus.SOLVED);
        String survey = lastMailTo("walker@example.org");
        assertThat(survey).contains("How much effort did you personally have to put forth");
        cases.customerReply(pending.id(), "Actually it came back.");
        assertThat(cases.caseForAgent(ref).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);

        cases.changeStatus(ref, agent, CaseStatus.SOLVED);
        cases.changeStatus(ref, agent, CaseStatus.CLOSED);
        assertThatThrownBy(() -> cases.customerReply(pending.id(), "one more thing"))
                .isInstanceOf(CaseProblem.class);
        assertThatThrownBy(() -> cases.changeStatus(ref, agent, CaseStatus.OPEN))
                .isInstanceOf(CaseProblem.class);

        assertThat(cases.caseForAgent(ref).orElseThrow().audit())
                .extracting(CaseView.AuditLine::detail)
                .contains(
                        "NEW -> PENDING",
                        "PENDING -> OPEN (customer replied)",
                        "OPEN -> SOLVED",
                        "SOLVED -> OPEN (customer replied)",
                        "SOLVED -> CLOSED");
    }

    @Test
    void recordsTheEffortScoreOnlyOnceSolvedAndWithinOneToSeven() {
        UserAccount agent = testAccounts.account("agent.effort@answerloop.test", "Agent Effort", Role.AGENT);
        OpenedCase opened = open("effort@example.org");
        CaseView view = cases.caseForAgent(opened.reference()).orElseThrow();
        assertThatThrownBy(() -> cases.recordEffort(view.id(), 2, null)).isInstanceOf(CaseProblem.class);

        cases.changeStatus(opened.reference(), agent, CaseStatus.SOLVED);
        assertThatThrownBy(() -> cases.recordEffort(view.id(), 8, null)).isInstanceOf(CaseProblem.class);
        cases.recordEffort(view.id(), 2, "Quick, thanks");

        CaseView solved = cases.caseForAgent(opened.reference()).orElseThrow();
        assertThat(solved.effortScore()).isEqualTo(2);
        assertThat(solved.effortComment()).isEqualTo("Quick, thanks");
    }

    @Test
    void findsCasesByReferenceEmailAndWords() {
        OpenedCase opened = cases.open(
                new NewRequest(
                        "Webhook retries stopped",
                        "Our zebrafish endpoint gets nothing",
                        "finder@example.org",
                        null,
                        null,
                        null),
                Optional.empty());
        assertThat(cases.find(opened.reference().toLowerCase()))
                .extracting(CaseSummary::reference)
                .containsExactly(opened.reference());
        assertThat(cases.find("FINDER@example.org"))
                .extracting(CaseSummary::reference)
                .contains(opened.reference());
        assertThat(cases.find("zebrafish")).extracting(CaseSummary::reference).containsExactly(opened.reference());
    }

    @Test
    void queueViewsShowUnassignedMineAndSolvedOldestFirst() {
        UserAccount agent = testAccounts.account("agent.queue@answerloop.test", "Agent Queue", Role.AGENT);
        String older = open("q1@example.org").reference();
        String newer = open("q2@example.org").reference();
        var unassigned = cases.queue(AgentDesk.Queue.UNASSIGNED, agent).stream()
                .map(CaseSummary::reference)
                .toList();
        assertThat(unassigned.indexOf(older)).isLessThan(unassigned.indexOf(newer));

        cases.assign(newer, agent, agent.id(), agent.displayName());
        assertThat(cases.queue(AgentDesk.Queue.MINE, agent))
                .extracting(CaseSummary::reference)
                .contains(newer)
                .doesNotContain(older);
        assertThat(cases.caseForAgent(newer).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);

        cases.changeStatus(newer, agent, CaseStatus.SOLVED);
        assertThat(cases.queue(AgentDesk.Queue.SOLVED, agent))
                .extracting(CaseSummary::reference)
                .contains(newer);
        assertThat(cases.queue(AgentDesk.Queue.MINE, agent))
                .extracting(CaseSummary::reference)
                .doesNotContain(newer);
    }

    private OpenedCase open(String email) {
        return cases.open(
                new NewRequest("Cannot export report", "The export button does nothing.", email, null, null, null),
                Optional.empty());
    }

    private static int number(String reference) {
        return Integer.parseInt(reference.substring(3));
    }
}
