package com.answerloop.community;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The reputation ledger: one line per point change, with its cause. */
interface ReputationLedger extends JpaRepository<ReputationEntry, Long> {

    @Query("select coalesce(sum(r.points), 0) from ReputationEntry r where r.accountId = :accountId")
    long reputationOf(long accountId);

    @Modifying
    @Query("delete from ReputationEntry r where r.postId = :postId and r.actorId = :actorId and r.reason = :reason")
    int withdraw(long postId, long actorId, String reason);

    @Query("select r.accountId, sum(r.points) from ReputationEntry r where r.createdAt >= :since"
            + " group by r.accountId having sum(r.points) > 0 order by sum(r.points) desc, r.accountId asc")
    List<Object[]> leaders(Instant since, Pageable pageable);
}
