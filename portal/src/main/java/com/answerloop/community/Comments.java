package com.answerloop.community;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Comments on posts. */
interface Comments extends JpaRepository<Comment, Long> {
    List<Comment> findByPostIdInOrderByIdAsc(Collection<Long> postIds);

    long countByAuthorIdAndCreatedAtAfter(long authorId, Instant after);
}
