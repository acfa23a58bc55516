package com.answerloop.knowledge;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Articles extends JpaRepository<Article, Long> {

    /**
     * Adds a rating to the article's counts in one statement (a changed vote passes -1 for the old answer): it locks
     * the article row before the feedback row is written, so concurrent raters queue instead of deadlocking.
     */
    @Modifying
    @Query("update Article a set a.helpfulYes = greatest(0, a.helpfulYes + :yes),"
            + " a.helpfulNo = greatest(0, a.helpfulNo + :no) where a.id = :id")
    int countFeedback(@Param("id") long id, @Param("yes") int yes, @Param("no") int no);

    Optional<Article> findBySlug(String slug);

    Optional<Article> findBySourcePath(String sourcePath);

    List<Article> findBySourcePathIsNotNullAndStateNot(ArticleState state);

    List<Article> findByState(ArticleState state);

    @Query("select a from Article a where a.state = 'PUBLISHED' and a.visibility in :visibilities")
    Page<Article> findPublished(Collection<Visibility> visibilities, Pageable pageable);

    /** Published articles the reader may see, written for one of the audiences (no category: for customers). */
    @Query("select a from Article a left join a.category c left join c.parent p where a.state = 'PUBLISHED'"
            + " and a.visibility in :visibilities and (c is null or coalesce(p.audience, c.audience) in :audiences)")
    List<Article> findPublishedFor(
            Collection<Visibility> visibilities, Collection<Audience> audiences, Pageable pageable);

    /** {@link #findPublishedFor}, among the given slugs. */
    @Query("select a from Article a left join a.category c left join c.parent p where a.state = 'PUBLISHED'"
            + " and a.slug in :slugs and a.visibility in :visibilities"
            + " and (c is null or coalesce(p.audience, c.audience) in :audiences)")
    List<Article> findPublishedFor(
            Collection<String> slugs, Collection<Visibility> visibilities, Collection<Audience> audiences);

    @Query("select a from Article a where a.state = 'PUBLISHED' and a.visibility in :visibilities"
            + " and (a.category = :category or a.category.parent = :category)")
    List<Article> findPublishedIn(Category category, Collection<Visibility> visibilities);

    @Query("select a.category.id, count(a) from Article a where a.state = 'PUBLISHED'"
            + " and a.visibility in :visibilities group by a.category.id")
    List<Object[]> countPublishedByCategory(Collection<Visibility> visibilities);
}
