package com.answerloop.community;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Who follows which thread or topic. */
interface Follows extends JpaRepository<Follow, Long> {
    Optional<Follow> findByAccountIdAndThreadId(long accountId, long threadId);

    Optional<Follow> findByAccountIdAndTopicId(long accountId, long topicId);

    List<Follow> findByThreadId(long threadId);

    List<Follow> findByTopicId(long topicId);

    @Modifying
    @Query("delete from Follow f where f.accountId = :accountId and f.threadId = :threadId")
    void unfollowThread(long accountId, long threadId);

    @Modifying
    @Query("delete from Follow f where f.accountId = :accountId and f.topicId = :topicId")
    void unfollowTopic(long accountId, long topicId);
}
