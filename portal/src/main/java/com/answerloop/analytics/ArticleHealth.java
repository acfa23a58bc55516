package com.answerloop.analytics;

import static com.answerloop.analytics.Insights.num;
import static com.answerloop.analytics.Insights.percent;

import com.answerloop.analytics.InsightsPage.Figure;
import com.answerloop.analytics.InsightsPage.Table;
import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.ArticleReview;
import com.answerloop.knowledge.ArticleReviews;
import com.answerloop.knowledge.IndexableArticle;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** The article health area: per article views, search clicks, votes, comments, flags, citations; what needs attention. */
@Component
class ArticleHealth {

    /** Fewer votes than this say nothing about an article's helpfulness. */
    static final int MIN_VOTES = 2;

    private final DailyCounts counts;
    private final ArticleManagement articles;
    private final ArticleReviews reviews;

    ArticleHealth(DailyCounts counts, ArticleManagement articles, ArticleReviews reviews) {
        this.counts = counts;
        this.articles = articles;
        this.reviews = reviews;
    }

    InsightsPage articles(LocalDate from, LocalDate to) {
        Map<String, IndexableArticle> known = new HashMap<>();
        articles.searchableArticles().forEach(a -> known.put(a.slug(), a));
        // views are counted per slug (all the request filter sees); everything else per article:id
        Map<String, Long> views = new HashMap<>();
        counts.bySubject(Metric.ARTICLE_VIEWS, from, to, Integer.MAX_VALUE).forEach(row -> {
            IndexableArticle article = known.get(row.subject());
            if (article != null) {
                views.merge("article:" + article.id(), row.amount(), Long::sum);
            }
        });
        Map<String, String> titles = new HashMap<>();
        known.values().forEach(a -> titles.put("article:" + a.id(), a.title()));
        // review dates are today's standing, whatever the period
        Map<String, ArticleReview> dueForReview = new LinkedHashMap<>();
        for (ArticleReview review : reviews.due()) {
            IndexableArticle article = known.get(review.slug());
            if (article != null) {
                dueForReview.put("article:" + article.id(), review);
            }
        }
        List<Metric> columns = List.of(
                Metric.DOCUMENT_CLICKS,
                Metric.HELPFUL_VOTES,
                Metric.UNHELPFUL_VOTES,
                Metric.VOTE_COMMENTS,
                Metric.FLAGS,
                Metric.CITATIONS);
        List<Map<String, Long>> values = new ArrayList<>();
        values.add(views);
        TreeSet<String> documents = new TreeSet<>(views.keySet());
        for (Metric metric : columns) {
            Map<String, Long> byDocument = Insights.map(counts.bySubject(metric, from, to, Integer.MAX_VALUE));
            values.add(byDocument);
            byDocument.keySet().stream().filter(k -> k.startsWith("article:")).forEach(documents::add);
        }
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> attention = new ArrayList<>();
        for (String document : documents) {
            long[] v =
                    values.stream().mapToLong(m -> m.getOrDefault(document, 0L)).toArray();
            long helpful = v[2];
            long votes = v[2] + v[3];
            long flags = v[5];
            String title = titles.getOrDefault(document, document);
            rows.add(List.of(
                    title,
                    num(v[0]),
                    num(v[1]),
                    num(helpful),
                    num(v[3]),
                    percent(helpful, votes),
                    num(v[4]),
                    num(flags),
                    num(v[6])));
            List<String> reasons = new ArrayList<>();
            if (votes >= MIN_VOTES && helpful * 2 < votes) {
                reasons.add("mostly unhelpful (" + percent(helpful, votes) + " helpful)");
            }
            if (flags > 0) {
                reasons.add(flags + (flags == 1 ? " flag" : " flags"));
            }
            ArticleReview review = dueForReview.get(document);
            if (review != null) {
                reasons.add(reviewDue(review));
            }
            if (!reasons.isEmpty()) {
                attention.add(List.of(title, String.join("; ", reasons)));
            }
        }
        List<List<String>> reviewRows = new ArrayList<>();
        dueForReview.forEach((document, review) -> {
            if (!documents.contains(document)) {
                attention.add(List.of(review.title(), reviewDue(review)));
            }
            reviewRows.add(List.of(
                    review.title(),
                    review.owner() == null ? "Nobody" : review.owner(),
                    review.lastReviewed().toString(),
                    review.dueOn().toString()));
        });
        return new InsightsPage(
                "articles",
                "Article health",
                from,
                to,
                List.of(
                        Figure.count(
                                "Article views",
                                counts.total(Metric.ARTICLE_VIEWS, from, to),
                                "article pages served to readers"),
                        Figure.count(
                                "Helpful votes",
                                counts.total(Metric.HELPFUL_VOTES, from, to),
                                "\"Was this helpful?\" yes"),
                        Figure.count(
                                "Unhelpful votes",
                                counts.total(Metric.UNHELPFUL_VOTES, from, to),
                                "\"Was this helpful?\" no"),
                        Figure.count(
                                "Needs attention",
                                attention.size(),
                                "articles mostly unhelpful (at least 2 votes), flagged or due for review"),
                        Figure.count(
                                "Due for review",
                                dueForReview.size(),
                                "published articles not verified or revised within their review interval")),
                null,
                List.of(
                        new Table("attention", "Needs attention", List.of("Article", "Why"), attention),
                        new Table(
                                "review-due",
                                "Due for review",
                                List.of("Article", "Owner", "Last reviewed", "Due since"),
                                reviewRows),
                        new Table(
                                "health",
                                "Every article with activity",
                                List.of(
                                        "Article",
                                        "Views",
                                        "Opened from search",
                                        "Helpful",
                                        "Not helpful",
                                        "Helpful ratio",
                                        "Comments",
                                        "Flags",
                                        "Citations"),
                                rows)));
    }

    private static String reviewDue(ArticleReview review) {
        return "review due since " + review.dueOn();
    }

    /** The article's title, or the key when it is no longer searchable. */
    private String title(String documentKey) {
        try {
            long id = Long.parseLong(documentKey.substring("article:".length()));
            return articles.searchableArticle(id).map(IndexableArticle::title).orElse(documentKey);
        } catch (NumberFormatException e) {
            return documentKey;
        }
    }
}
