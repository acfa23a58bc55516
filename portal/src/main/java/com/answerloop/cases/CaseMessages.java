package com.answerloop.cases;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseMessages extends JpaRepository<CaseMessage, Long> {

    List<CaseMessage> findByCaseIdOrderByIdAsc(long caseId);

    /** What a customer may read: never internal notes. */
    List<CaseMessage> findByCaseIdAndKindInOrderByIdAsc(long caseId, Collection<MessageKind> kinds);
}
