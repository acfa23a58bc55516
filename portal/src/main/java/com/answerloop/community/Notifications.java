package com.answerloop.community;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Members' notifications. */
interface Notifications extends JpaRepository<Notification, Long> {
    Page<Notification> findByAccountIdOrderByIdDesc(long accountId, Pageable pageable);

    long countByAccountIdAndReadAtIsNull(long accountId);

    List<Notification> findByAccountIdAndReadAtIsNull(long accountId);

    boolean existsByThreadIdAndKind(long threadId, Notification.Kind kind);

    boolean existsByPostIdAndKind(long postId, Notification.Kind kind);
}
