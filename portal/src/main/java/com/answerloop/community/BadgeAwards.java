package com.answerloop.community;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Badges members earned. */
interface BadgeAwards extends JpaRepository<BadgeAward, Long> {
    List<BadgeAward> findByAccountIdOrderByIdAsc(long accountId);

    boolean existsByAccountIdAndBadge(long accountId, String badge);
}
