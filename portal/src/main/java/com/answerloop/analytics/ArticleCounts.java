package com.answerloop.analytics;

import com.answerloop.knowledge.ArticleRated;
import java.time.Instant;
import java.util.List;

/**
 * How a vote and a publication become counts, in one place for the live listeners and for a rebuild from the knowledge
 * tables ({@link KnowledgeRecordRebuild}): each is counted per article on the day it happened.
 */
final class ArticleCounts {

    /** The daily vote metrics: the ones a rebuild from the stored votes replaces. */
    static final List<Metric> VOTE_METRICS =
            List.of(Metric.HELPFUL_VOTES, Metric.UNHELPFUL_VOTES, Metric.VOTE_COMMENTS);

    /** The daily publication metric: the one a rebuild from the stored publications replaces. */
    static final List<Metric> PUBLICATION_METRICS = List.of(Metric.ARTICLES_PUBLISHED);

    private ArticleCounts() {}

    static void rated(ArticleRated event, Instant at, SearchCounts.Counter counter) {
        String article = documentKey(event.articleId());
        counter.count(CaseCounts.day(at), event.helpful() ? Metric.HELPFUL_VOTES : Metric.UNHELPFUL_VOTES, article);
        if (event.withComment()) {
            counter.count(CaseCounts.day(at), Metric.VOTE_COMMENTS, article);
        }
    }

    /** A publication; the first one of an article captured from a case also dates that case's captured link. */
    static void published(long articleId, Instant at, SearchCounts.Counter counter, CaseLog caseLog) {
        String article = documentKey(articleId);
        counter.count(CaseCounts.day(at), Metric.ARTICLES_PUBLISHED, article);
        caseLog.published(article, at);
    }

    private static String documentKey(long articleId) {
        return "article:" + articleId;
    }
}
