package com.answerloop.shared.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/** The stored outgoing mails. */
interface OutboxMessages extends JpaRepository<OutboxMessage, Long> {

    List<OutboxMessage> findByOrderByIdDesc(Limit limit);

    boolean existsByIdempotencyKeyAndStatus(String idempotencyKey, String status);

    Optional<OutboxMessage> findFirstByIdempotencyKeyOrderByIdDesc(String idempotencyKey);

    /** Removes mail that is no longer waiting to be sent and was written before {@code before}. */
    @Modifying
    @Transactional
    @Query("delete from OutboxMessage m where m.status <> 'PENDING' and m.createdAt < :before")
    int deleteSettledBefore(Instant before);
}
