package com.answerloop.accounts;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The audit trail of account changes. */
interface AuditEntries extends JpaRepository<AuditEntry, Long> {

    List<AuditEntry> findByAccountIdOrderByIdDesc(long accountId);
}
