package com.answerloop.knowledge;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Articles extends JpaRepository<Article, Long> {

    Optional<Article> findBySlug(String slug);

    Optional<Article> findBySourcePath(String sourcePath);

    List<Article> findBySourcePathIsNotNullAndStateNot(ArticleState state);

    List<Article> findByState(ArticleState state);

    @Query("select a from Article a where a.state = 'PUBLISHED' and a.visibility in :visibilities")
    Page<Article> findPublished(Collection<Visibility> visibilities, Pageable pageable);

    @Query("select a from Article a where a.state = 'PUBLISHED' and a.visibility in :visibilities"
            + " and (a.category = :category or a.category.parent = :category)")
    List<Article> findPublishedIn(Category category, Collection<Visibility> visibilities);

    @Query("select a.category.id, count(a) from Article a where a.state = 'PUBLISHED'"
            + " and a.visibility in :visibilities group by a.category.id")
    List<Object[]> countPublishedByCategory(Collection<Visibility> visibilities);
}

interface ArticleVersions extends JpaRepository<ArticleVersion, Long> {

    Optional<ArticleVersion> findByArticleIdAndNumber(long articleId, int number);

    List<ArticleVersion> findByArticleIdOrderByNumberDesc(long articleId);
}

interface Categories extends JpaRepository<Category, Long> {

    Optional<Category> findByPath(String path);

    List<Category> findAllByOrderByPositionAscTitleAsc();
}

interface ArticleFeedbacks extends JpaRepository<ArticleFeedback, Long> {

    Optional<ArticleFeedback> findByArticleIdAndVoter(long articleId, String voter);
}

interface ImportRuns extends JpaRepository<ImportRun, Long> {

    Optional<ImportRun> findTopByOrderByIdDesc();
}
