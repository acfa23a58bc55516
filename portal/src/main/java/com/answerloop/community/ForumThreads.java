package com.answerloop.community;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Threads, with the queries of the thread lists. */
interface ForumThreads extends JpaRepository<ForumThread, Long> {

    @Query("select t from ForumThread t where t.hidden = false and (:topicId is null or t.topicId = :topicId)"
            + " and (:unanswered = false or t.answerCount = 0)")
    Page<ForumThread> listed(Long topicId, boolean unanswered, Pageable pageable);

    @Query("select t from ForumThread t join t.tags tag where t.hidden = false and tag = :tag"
            + " and (:unanswered = false or t.answerCount = 0)")
    Page<ForumThread> tagged(String tag, boolean unanswered, Pageable pageable);

    List<ForumThread> findByHiddenFalse();
}
