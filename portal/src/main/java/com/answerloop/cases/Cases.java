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

    /** A customer's requests: sent while signed in, or sent before signing in from the account's (verified) address. */
    @Query("select c from SupportCase c where c.customerAccountId = :accountId"
            + " or (c.customerAccountId is null and lower(c.customerEmail) = lower(:email))"
            + " order by c.createdAt desc")
    List<SupportCase> requestsOf(long accountId, String email);

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
