package com.answerloop.knowledge;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ArticleFeedbacks extends JpaRepository<ArticleFeedback, Long> {

    Optional<ArticleFeedback> findByArticleIdAndVoter(long articleId, String voter);

    /** Readers' comments with a "No" vote on these articles, newest first. */
    List<ArticleFeedback> findByArticleIdInAndHelpfulFalseAndCommentIsNotNullOrderByCreatedAtDesc(
            Collection<Long> articleIds);
}
