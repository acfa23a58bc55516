package com.answerloop.cases;

import com.answerloop.accounts.UserAccount;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test fixture for tests of any module: acts on cases the way the contact form, the request pages and the agent
 * console do (their services are internal to the cases module), and reads what an operator would look up in the
 * database. Add it with {@code @Import(TestCases.class)}.
 */
public class TestCases {

    private final CustomerRequests requests;
    private final AgentDesk desk;
    private final JdbcTemplate jdbc;

    TestCases(CustomerRequests requests, AgentDesk desk, JdbcTemplate jdbc) {
        this.requests = requests;
        this.desk = desk;
        this.jdbc = jdbc;
    }

    /** An agent's open flag on a document, as the editors' queue lists it. */
    public record OpenFlag(String documentKey, String title, String note) {}

    public OpenedCase open(NewRequest request, Optional<UserAccount> customer) {
        return requests.open(request, customer);
    }

    /** An anonymous customer's request in category Other, its message and address made from the subject; its reference. */
    public String openAnonymous(String subject, String customer) {
        return open(
                        new NewRequest(
                                subject,
                                "Please help: " + subject.toLowerCase(java.util.Locale.ROOT) + ".",
                                customer.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "-" + subject.hashCode()
                                        + "@example.org",
                                customer,
                                "Other",
                                ""),
                        Optional.empty())
                .reference();
    }

    public Optional<CaseView> requestByToken(String token) {
        return requests.requestByToken(token);
    }

    public void customerReply(long caseId, String body) {
        requests.customerReply(caseId, body);
    }

    public void recordEffort(long caseId, int score, String comment) {
        requests.recordEffort(caseId, score, comment);
    }

    public Optional<CaseView> caseForAgent(String reference) {
        return desk.caseForAgent(reference);
    }

    public List<CaseSummary> find(String text) {
        return desk.find(text);
    }

    List<CaseSummary> queue(AgentDesk.Queue view, UserAccount agent) {
        return desk.queue(view, agent, null, null, null);
    }

    public void reply(String reference, UserAccount agent, String body, CaseStatus newStatus) {
        desk.reply(reference, agent, body, newStatus);
    }

    public void addNote(String reference, UserAccount agent, String body) {
        desk.addNote(reference, agent, body);
    }

    public void changeStatus(String reference, UserAccount agent, CaseStatus next) {
        desk.changeStatus(reference, agent, next);
    }

    public void assign(String reference, UserAccount actor, Long agentId, String agentName) {
        desk.assign(reference, actor, agentId, agentName);
    }

    /** Deflections recorded so far (they are anonymous, so a count is all there is). */
    public long deflectionCount() {
        return jdbc.queryForObject("select count(*) from deflections", Long.class);
    }

    public List<OpenFlag> openFlags() {
        return jdbc.query(
                "select document_key, title, note from article_flags where resolved_at is null order by id",
                (row, i) -> new OpenFlag(row.getString(1), row.getString(2), row.getString(3)));
    }

    /** How many cases a document is linked to. */
    public long linkCount(String documentKey) {
        return jdbc.queryForObject(
                "select count(*) from case_article_links where document_key = ?", Long.class, documentKey);
    }
}
