package com.answerloop.community;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Earlier texts of edited comments. */
interface CommentRevisions extends JpaRepository<CommentRevision, Long> {
    List<CommentRevision> findByCommentIdOrderByIdAsc(long commentId);
}
