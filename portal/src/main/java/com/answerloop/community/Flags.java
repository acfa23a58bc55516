package com.answerloop.community;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Members' flags on posts and comments. */
interface Flags extends JpaRepository<Flag, Long> {
    boolean existsBySubjectAndFlaggerId(String subject, long flaggerId);

    List<Flag> findBySubjectAndStatus(String subject, Flag.Status status);

    long countBySubjectAndStatusAndTrustedTrue(String subject, Flag.Status status);

    List<Flag> findBySubjectInAndStatusOrderByIdAsc(Collection<String> subjects, Flag.Status status);

    /** Each flagged post and comment once, as post id, comment id (or null), by its oldest open flag. */
    @Query("select f.postId, f.commentId from Flag f where f.status = :status"
            + " group by f.subject, f.postId, f.commentId order by min(f.id)")
    List<Object[]> subjects(Flag.Status status);
}
