package com.answerloop.knowledge;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The article lists of the help center's front door. Customers see articles written for customers only: operator and
 * agent documentation may be public, but it is not what a customer came for. Staff see every audience.
 */
@Service
@Transactional(readOnly = true)
public class HomeArticles {

    private final Articles articles;

    HomeArticles(Articles articles) {
        this.articles = articles;
    }

    /**
     * Popular means read by customers: the articles in {@code mostRead} (slugs, most read first) that this reader may
     * see and that are written for them. Until there is enough traffic to fill the list, editors' promoted articles
     * fill it, then those readers found most helpful, then the newest.
     */
    public List<ArticleSummary> popular(int limit, boolean canSeeInternal) {
        return popular(limit, canSeeInternal, List.of());
    }

    public List<ArticleSummary> popular(int limit, boolean canSeeInternal, List<String> mostRead) {
        Map<String, ArticleSummary> popular = new LinkedHashMap<>();
        if (!mostRead.isEmpty()) {
            Map<String, Article> read = new HashMap<>();
            articles.findPublishedFor(
                            mostRead, ArticleManagement.visibilities(canSeeInternal), audiences(canSeeInternal))
                    .forEach(article -> read.put(article.slug(), article));
            mostRead.stream()
                    .map(read::get)
                    .filter(Objects::nonNull)
                    .limit(limit)
                    .forEach(article -> popular.put(article.slug(), ArticleViews.summary(article)));
        }
        if (popular.size() < limit) {
            for (ArticleSummary chosen : list(
                    limit + popular.size(),
                    canSeeInternal,
                    Sort.by(
                            Sort.Order.desc("promoted"),
                            Sort.Order.desc("helpfulYes"),
                            Sort.Order.asc("helpfulNo"),
                            Sort.Order.desc("updatedOn"),
                            Sort.Order.asc("title")))) {
                if (popular.size() == limit) {
                    break;
                }
                popular.putIfAbsent(chosen.slug(), chosen);
            }
        }
        return List.copyOf(popular.values());
    }

    public List<ArticleSummary> recentlyUpdated(int limit, boolean canSeeInternal) {
        return list(limit, canSeeInternal, Sort.by(Sort.Order.desc("updatedOn"), Sort.Order.asc("title")));
    }

    private List<ArticleSummary> list(int limit, boolean canSeeInternal, Sort sort) {
        return articles
                .findPublishedFor(
                        ArticleManagement.visibilities(canSeeInternal),
                        audiences(canSeeInternal),
                        PageRequest.of(0, limit, sort))
                .stream()
                .map(ArticleViews::summary)
                .toList();
    }

    private static Set<Audience> audiences(boolean staff) {
        return staff ? EnumSet.allOf(Audience.class) : EnumSet.of(Audience.CUSTOMERS);
    }
}
