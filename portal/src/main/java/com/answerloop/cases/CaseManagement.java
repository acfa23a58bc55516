package com.answerloop.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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
    private final Cases cases;
    private final CaseAudit audit;
    private final Clock clock;

    CaseManagement(CaseViews views, Cases cases, CaseAudit audit, Clock clock) {
        this.views = views;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    /** The references of the cases with these ids (ids of no case are left out): for a module that stores case ids. */
    @Transactional(readOnly = true)
    public Map<Long, String> references(Collection<Long> caseIds) {
        return cases.findAllById(caseIds).stream().collect(Collectors.toMap(SupportCase::id, SupportCase::reference));
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
