package com.answerloop.analytics;

import com.answerloop.capture.ArticleFlagResolved;
import com.answerloop.capture.ArticleFlagged;
import com.answerloop.capture.ArticleLinkedToCase;
import com.answerloop.capture.CaptureManagement;
import java.time.Instant;
import java.util.List;

/**
 * How a link from a case, a flag and a fixed flag become counts and case links, in one place for the live listeners
 * and for a rebuild from the capture tables ({@link CaptureRecordRebuild}): each is counted on the day it happened.
 */
final class CaptureCounts {

    /** The daily metrics counted here: the ones a rebuild from the capture tables replaces. */
    static final List<Metric> METRICS = List.of(Metric.CITATIONS, Metric.FLAGS, Metric.FLAGS_FIXED);

    private CaptureCounts() {}

    static void linked(
            ArticleLinkedToCase event,
            Instant at,
            CaptureManagement capture,
            SearchCounts.Counter counter,
            CaseLog caseLog) {
        counter.count(CaseCounts.day(at), Metric.CITATIONS, event.documentKey());
        // the article captured from this very case is a create; any other linked document is a reuse
        boolean captured = capture.capturedArticleOf(event.caseReference())
                .map(article -> article.documentKey().equals(event.documentKey()))
                .orElse(false);
        caseLog.linked(event.caseReference(), event.documentKey(), captured);
    }

    static void flagged(ArticleFlagged event, Instant at, SearchCounts.Counter counter) {
        counter.count(CaseCounts.day(at), Metric.FLAGS, event.documentKey());
    }

    /** Counted per whole hours the flag was open, for the median time to fix. */
    static void fixed(ArticleFlagResolved event, Instant at, SearchCounts.Counter counter) {
        counter.count(CaseCounts.day(at), Metric.FLAGS_FIXED, Long.toString(Math.max(0, event.secondsOpen()) / 3600));
    }
}
