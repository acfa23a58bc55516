package com.answerloop.community;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Earlier versions of edited posts. */
interface Revisions extends JpaRepository<Revision, Long> {
    List<Revision> findByPostIdOrderByNumberDesc(long postId);

    @Query("select coalesce(max(r.number), 0) from Revision r where r.postId = :postId")
    int lastNumber(long postId);
}
