package com.answerloop.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One change to a case (status, assignment, link, flag...), who made it and when. */
@Entity
@Immutable
@Table(name = "case_audit")
class CaseAuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long caseId;
    private String actor;
    private String action;
    private String detail;
    private Instant createdAt;

    protected CaseAuditEntry() {}

    CaseAuditEntry(long caseId, String actor, String action, String detail, Instant now) {
        this.caseId = caseId;
        this.actor = actor;
        this.action = action;
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        this.createdAt = now;
    }

    CaseView.AuditLine toView() {
        return new CaseView.AuditLine(actor, action, detail, createdAt);
    }
}
