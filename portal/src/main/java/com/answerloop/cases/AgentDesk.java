package com.answerloop.cases;

import static com.answerloop.cases.CaseInput.blankToNull;
import static com.answerloop.cases.CaseInput.required;

import com.answerloop.accounts.UserAccount;
import com.answerloop.cases.spi.CaseLinks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The agents' side of cases: queues, finding cases, replies, internal notes, status and assignment. */
@Service
@Transactional
class AgentDesk {

    private final Cases cases;
    private final CaseMessages messages;
    private final CaseAudit audit;
    private final CaseViews views;
    private final CaseMails mails;
    private final CaseAccessLinks accessLinks;
    private final CasesSettings settings;
    private final Clock clock;

    AgentDesk(
            Cases cases,
            CaseMessages messages,
            CaseAudit audit,
            CaseViews views,
            CaseMails mails,
            CaseAccessLinks accessLinks,
            CasesSettings settings,
            Clock clock) {
        this.cases = cases;
        this.messages = messages;
        this.audit = audit;
        this.views = views;
        this.mails = mails;
        this.accessLinks = accessLinks;
        this.settings = settings;
        this.clock = clock;
    }

    /** Queue views of the agent console. */
    enum Queue {
        UNASSIGNED,
        MINE,
        PENDING,
        SOLVED,
        ALL
    }

    /** A queue view, oldest first. */
    @Transactional(readOnly = true)
    List<CaseSummary> queue(Queue view, UserAccount agent, CaseStatus status, String category, Duration olderThan) {
        Set<CaseStatus> statuses = switch (view) {
            case UNASSIGNED, MINE -> EnumSet.of(CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.PENDING);
            case PENDING -> EnumSet.of(CaseStatus.PENDING);
            case SOLVED -> EnumSet.of(CaseStatus.SOLVED, CaseStatus.CLOSED);
            case ALL -> EnumSet.allOf(CaseStatus.class);
        };
        if (status != null) {
            statuses = statuses.contains(status) ? EnumSet.of(status) : EnumSet.noneOf(CaseStatus.class);
        }
        if (statuses.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Sort sort = view == Queue.SOLVED ? Sort.by(Sort.Order.desc("solvedAt")) : Sort.by("createdAt", "id");
        return cases
                .queue(
                        statuses,
                        view == Queue.UNASSIGNED,
                        view == Queue.MINE ? agent.id() : null,
                        blankToNull(category),
                        olderThan == null ? null : now.minus(olderThan),
                        view == Queue.SOLVED ? now.minus(Duration.ofDays(14)) : null,
                        PageRequest.of(0, 200, sort))
                .stream()
                .map(CaseSummary::of)
                .toList();
    }

    /** Finds cases by reference, customer email, or words in subject, description and searched words. */
    @Transactional(readOnly = true)
    List<CaseSummary> find(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return List.of();
        }
        if (needle.length() > 200) {
            needle = needle.substring(0, 200);
        }
        return cases.find(needle, PageRequest.of(0, 100)).stream()
                .map(CaseSummary::of)
                .toList();
    }

    @Transactional(readOnly = true)
    List<String> categories() {
        List<String> all = new ArrayList<>(settings.categories());
        cases.categories().stream().filter(c -> !all.contains(c)).forEach(all::add);
        return all;
    }

    /** Everything about a case, internal notes included: for agents only. */
    @Transactional(readOnly = true)
    Optional<CaseView> caseForAgent(String reference) {
        return views.byReference(reference).map(views::forAgent);
    }

    /** Other cases of the same customer (by account or address), newest first. */
    @Transactional(readOnly = true)
    List<CaseSummary> historyOf(CaseView view) {
        List<SupportCase> found = view.customerAccountId() != null
                ? cases.findByCustomerAccountIdOrderByCreatedAtDesc(view.customerAccountId())
                : cases.findByCustomerEmailOrderByCreatedAtDesc(view.customerEmail());
        return found.stream()
                .filter(c -> c.id() != view.id())
                .map(CaseSummary::of)
                .toList();
    }

    /** How documents were used on cases, for the knowledge panel. */
    @Transactional(readOnly = true)
    Map<String, CaseLinks.DocumentUse> documentUse() {
        return views.documentUse();
    }

    /** A public reply: stored, emailed to the customer with a fresh secret link, and optionally a status change. */
    void reply(String reference, UserAccount agent, String body, CaseStatus newStatus) {
        SupportCase c = views.require(reference);
        String text = required(body, "Write a reply.", CustomerRequests.MAX_BODY);
        Instant now = clock.instant();
        messages.save(new CaseMessage(c.id(), MessageKind.AGENT_REPLY, agent.displayName(), text, now));
        audit.save(new CaseAuditEntry(c.id(), agent.displayName(), "REPLIED", null, now));
        c.agentReplied(now, settings.firstResponseTarget());
        if (c.assigneeId() == null) {
            assign(c, agent.id(), agent.displayName(), agent.displayName(), now);
        }
        CaseStatus target = newStatus != null ? newStatus : (c.status() == CaseStatus.NEW ? CaseStatus.OPEN : null);
        // a reply that solves the case is one email (the reply, the solved notice and the survey), not two
        boolean solving = target == CaseStatus.SOLVED && c.status() != CaseStatus.SOLVED;
        if (!solving) {
            mails.replied(c, agent.displayName(), text, now);
        }
        if (target == null
                || !move(
                        c,
                        agent.displayName(),
                        target,
                        now,
                        solving ? agent.displayName() + " replied:\n\n" + text : null)) {
            c.touch(now);
            cases.save(c); // publishes the first response, when this reply is it
        }
    }

    /** An agent ends every secret link to the case, e.g. when a customer forwarded one by mistake. */
    int revokeLinks(String reference, UserAccount agent) {
        return accessLinks.revokeAll(views.require(reference).id(), "Agent #" + agent.id());
    }

    /** An internal note: visible to agents only, never emailed. */
    void addNote(String reference, UserAccount agent, String body) {
        SupportCase c = views.require(reference);
        String text = required(body, "Write a note.", CustomerRequests.MAX_BODY);
        Instant now = clock.instant();
        messages.save(new CaseMessage(c.id(), MessageKind.INTERNAL_NOTE, agent.displayName(), text, now));
        audit.save(new CaseAuditEntry(c.id(), agent.displayName(), "NOTE", null, now));
        c.touch(now);
    }

    void changeStatus(String reference, UserAccount agent, CaseStatus next) {
        move(views.require(reference), agent.displayName(), next, clock.instant(), null);
    }

    /** Assigns the case to an agent ({@code null} id: unassign); assigning a new case opens it. */
    void assign(String reference, UserAccount actor, Long agentId, String agentName) {
        SupportCase c = views.require(reference);
        Instant now = clock.instant();
        assign(c, agentId, agentName, actor.displayName(), now);
        if (agentId != null && c.status() == CaseStatus.NEW) {
            move(c, actor.displayName(), CaseStatus.OPEN, now, null);
        }
    }

    /**
     * Moves the case (the entity guards the move and registers the event saving publishes) and writes the audit line;
     * solving it sends the customer the solved email with the survey.
     *
     * @param reply the agent's reply to put in the solved email, when the reply itself solves the case
     * @return whether the status changed
     */
    private boolean move(SupportCase c, String actor, CaseStatus next, Instant now, String reply) {
        CaseStatus before = c.status();
        if (!c.moveTo(next, now, () -> views.linksOf(c).size(), actor)) {
            return false;
        }
        audit.save(new CaseAuditEntry(c.id(), actor, "STATUS", before + " -> " + next, now));
        if (next == CaseStatus.SOLVED) {
            mails.solved(c, reply, now);
        }
        cases.save(c);
        return true;
    }

    private void assign(SupportCase c, Long agentId, String agentName, String actor, Instant now) {
        audit.save(new CaseAuditEntry(
                c.id(),
                actor,
                "ASSIGNED",
                (c.assigneeName() == null ? "nobody" : c.assigneeName()) + " -> "
                        + (agentName == null ? "nobody" : agentName),
                now));
        c.assignTo(agentId, agentId == null ? null : agentName, now);
    }
}
