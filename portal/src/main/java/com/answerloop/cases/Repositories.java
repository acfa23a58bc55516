package com.answerloop.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Cases extends JpaRepository<SupportCase, Long> {

    Optional<SupportCase> findByReference(String reference);

    List<SupportCase> findByCustomerAccountIdOrderByCreatedAtDesc(long accountId);

    List<SupportCase> findByCustomerEmailOrderByCreatedAtDesc(String email);

    @Query("select c from SupportCase c where c.status in :statuses"
            + " and (:unassigned = false or c.assigneeId is null)"
            + " and (:assignee is null or c.assigneeId = :assignee)"
            + " and (:category is null or c.category = :category)"
            + " and (:createdBefore is null or c.createdAt < :createdBefore)"
            + " and (:solvedAfter is null or c.solvedAt >= :solvedAfter)")
    List<SupportCase> queue(
            Collection<CaseStatus> statuses,
            boolean unassigned,
            Long assignee,
            String category,
            Instant createdBefore,
            Instant solvedAfter,
            Pageable pageable);

    @Query("select c from SupportCase c where lower(c.customerEmail) = :text or lower(c.reference) = :text"
            + " or lower(c.subject) like concat('%', :text, '%') or lower(c.description) like concat('%', :text, '%')"
            + " or lower(c.searchedWords) like concat('%', :text, '%') order by c.createdAt desc")
    List<SupportCase> find(String text, Pageable pageable);

    @Query("select distinct c.category from SupportCase c where c.category is not null order by c.category")
    List<String> categories();
}

interface CaseMessages extends JpaRepository<CaseMessage, Long> {

    List<CaseMessage> findByCaseIdOrderByIdAsc(long caseId);

    /** What a customer may read: never internal notes. */
    List<CaseMessage> findByCaseIdAndKindInOrderByIdAsc(long caseId, Collection<MessageKind> kinds);
}

interface CaseAudit extends JpaRepository<CaseAuditEntry, Long> {

    List<CaseAuditEntry> findByCaseIdOrderByIdAsc(long caseId);
}

interface CaseAccessTokens extends JpaRepository<CaseAccessToken, Long> {

    Optional<CaseAccessToken> findByTokenHash(String tokenHash);
}

interface CaseArticleLinks extends JpaRepository<CaseArticleLink, Long> {

    List<CaseArticleLink> findByCaseIdOrderByIdAsc(long caseId);

    boolean existsByCaseIdAndDocumentKey(long caseId, String documentKey);

    long countByDocumentKey(String documentKey);

    @Query("select l.documentKey, count(l), max(l.createdAt) from CaseArticleLink l group by l.documentKey")
    List<Object[]> reuse();
}

interface ArticleFlags extends JpaRepository<ArticleFlag, Long> {

    List<ArticleFlag> findByResolvedAtIsNullOrderByCreatedAtAsc();

    List<ArticleFlag> findByDocumentKeyAndResolvedAtIsNull(String documentKey);
}

interface Deflections extends JpaRepository<Deflection, Long> {}
