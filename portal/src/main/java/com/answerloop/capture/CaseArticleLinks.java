package com.answerloop.capture;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseArticleLinks extends JpaRepository<CaseArticleLink, Long> {

    List<CaseArticleLink> findByCaseIdOrderByIdAsc(long caseId);

    boolean existsByCaseIdAndDocumentKey(long caseId, String documentKey);

    Optional<CaseArticleLink> findByCaseIdAndDocumentKey(long caseId, String documentKey);

    @Query("select l.documentKey, count(l), max(l.createdAt) from CaseArticleLink l group by l.documentKey")
    List<Object[]> reuse();
}
