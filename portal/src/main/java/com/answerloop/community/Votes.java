package com.answerloop.community;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Members' votes on posts. */
interface Votes extends JpaRepository<Vote, Long> {
    Optional<Vote> findByPostIdAndVoterId(long postId, long voterId);

    List<Vote> findByVoterIdAndPostIdIn(long voterId, Collection<Long> postIds);

    @Query("select coalesce(sum(v.value), 0) from Vote v where v.postId = :postId")
    int scoreOf(long postId);
}
