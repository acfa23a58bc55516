package com.answerloop.knowledge;

import com.answerloop.knowledge.spi.SimilarArticles;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The "Related articles" of an article page: first those the search finds closest in meaning (so an article
 * on the same problem in another category or with other tags is listed), then, to fill the list, those sharing the
 * section or tags.
 */
@Component
class RelatedArticles {

    private static final Logger log = LoggerFactory.getLogger(RelatedArticles.class);

    static final int LIMIT = 5;

    private final Articles articles;
    // Looked up on use: the search module implements it and itself reads the knowledge module.
    private final ObjectProvider<SimilarArticles> similar;

    RelatedArticles(Articles articles, ObjectProvider<SimilarArticles> similar) {
        this.articles = articles;
        this.similar = similar;
    }

    List<ArticleSummary> of(Article article, boolean canSeeInternal) {
        Set<Visibility> visible = ArticleManagement.visibilities(canSeeInternal);
        Map<Long, Article> chosen = new LinkedHashMap<>();
        for (Article other : byContent(article, canSeeInternal)) {
            // checked again here: the page lists published articles the reader may see, whatever the index holds
            if (other.isPublished()
                    && visible.contains(other.visibility())
                    && !other.id().equals(article.id())) {
                chosen.putIfAbsent(other.id(), other);
            }
        }
        if (chosen.size() < LIMIT) {
            bySectionAndTags(article, visible).forEach(other -> chosen.putIfAbsent(other.id(), other));
        }
        return chosen.values().stream().limit(LIMIT).map(ArticleViews::summary).toList();
    }

    private List<Article> byContent(Article article, boolean canSeeInternal) {
        SimilarArticles finder = similar.getIfAvailable();
        if (finder == null) {
            return List.of();
        }
        List<Long> ids;
        try {
            ids = finder.similarTo(article.id(), canSeeInternal, LIMIT);
        } catch (RuntimeException e) {
            // The page must not fail because the index cannot answer (closed, being replaced): it lists by tags.
            log.warn("Related articles of {} by content are not available: {}", article.slug(), e.toString());
            return List.of();
        }
        Map<Long, Article> found =
                articles.findAllById(ids).stream().collect(Collectors.toMap(Article::id, Function.identity()));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** Articles of the same top category sharing the section or tags, best match first. */
    private List<Article> bySectionAndTags(Article article, Set<Visibility> visible) {
        Category top = article.category() == null ? null : article.category().topLevel();
        if (top == null) {
            return List.of();
        }
        Set<String> tags = new HashSet<>(article.tags());
        record Scored(Article article, int score) {}
        return articles.findPublishedIn(top, visible).stream()
                .filter(other -> !other.id().equals(article.id()))
                .map(other -> new Scored(
                        other,
                        (other.category().id().equals(article.category().id()) ? 2 : 0)
                                + (int) other.tags().stream()
                                        .filter(tags::contains)
                                        .count()))
                .filter(scored -> scored.score() > 0)
                .sorted(Comparator.comparingInt(Scored::score)
                        .reversed()
                        .thenComparing(scored -> scored.article().updatedOn(), Comparator.reverseOrder()))
                .limit(LIMIT)
                .map(Scored::article)
                .toList();
    }
}
