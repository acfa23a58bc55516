package com.answerloop.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask of cases: read a case as an agent sees it, and note on its audit trail what they did with
 * it (capture links and flags documents). Customers' requests and the agents' desk are {@link CustomerRequests} and
 * {@link AgentDesk}, used by this module's pages only.
 */
@Service
@Transactional
public class CaseManagement {

    private final CaseViews views;
    private final CaseAudit audit;
    private final Clock clock;

    CaseManagement(CaseViews views, CaseAudit audit, Clock clock) {
        this.views = views;
        this.audit = audit;
        this.clock = clock;
    }

    /** Everything about a case, internal notes included: for agents only. */
    @Transactional(readOnly = true)
    public Optional<CaseView> caseForAgent(String reference) {
        return views.byReference(reference).map(views::forAgent);
    }

    /**
     * Adds a line to the case's audit trail (and counts as activity on the case).
     *
     * @return the case's id
     * @throws CaseProblem when there is no such case
     */
    public long recordOnCase(String reference, String actor, String action, String detail) {
        SupportCase c = views.require(reference);
        Instant now = clock.instant();
        audit.save(new CaseAuditEntry(c.id(), actor, action, detail, now));
        c.touch(now);
        return c.id();
    }
}
