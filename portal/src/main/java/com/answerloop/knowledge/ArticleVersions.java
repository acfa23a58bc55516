package com.answerloop.knowledge;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ArticleVersions extends JpaRepository<ArticleVersion, Long> {

    Optional<ArticleVersion> findByArticleIdAndNumber(long articleId, int number);

    List<ArticleVersion> findByArticleIdOrderByNumberDesc(long articleId);
}
