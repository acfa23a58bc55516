package com.answerloop.community;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Questions and answers. */
interface Posts extends JpaRepository<Post, Long> {
    List<Post> findByThreadIdOrderByIdAsc(long threadId);

    long countByAuthorIdAndCreatedAtAfter(long authorId, Instant after);

    long countByAuthorIdAndKind(long authorId, Post.Kind kind);

    long countByAuthorIdAndKindAndAcceptedTrue(long authorId, Post.Kind kind);

    List<Post> findByAuthorIdAndHiddenFalseAndHeldFalseOrderByIdDesc(long authorId, Pageable pageable);

    @Query("select p.id from Post p where p.held = true order by p.id")
    List<Long> heldIds();

    /** The thread's answers readers see (neither hidden nor held), counted from the rows just written. */
    default int visibleAnswerCount(long threadId) {
        flush();
        return (int) findByThreadIdOrderByIdAsc(threadId).stream()
                .filter(p -> !p.isQuestion() && p.visible())
                .count();
    }
}
