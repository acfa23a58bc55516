package com.answerloop.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseAudit extends JpaRepository<CaseAuditEntry, Long> {

    List<CaseAuditEntry> findByCaseIdOrderByIdAsc(long caseId);
}
