package com.answerloop.analytics;

import com.answerloop.capture.ArticleFlagResolved;
import com.answerloop.capture.ArticleFlagged;
import com.answerloop.capture.ArticleLinkedToCase;
import com.answerloop.capture.CaptureEventLog;
import com.answerloop.capture.CaptureManagement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recounts the citations (links from cases to documents), the flags raised and the flags fixed from the capture
 * module's tables ({@link CaptureEventLog}), through the same code as the live listeners ({@link CaptureCounts}). The
 * daily counts of every day before today that the tables hold are replaced in one transaction; the cases' links
 * ({@code analytics_case_link}) are restored where missing, for cases the retention kept.
 */
@Component
class CaptureRecordRebuild {

    private final CaptureEventLog captureEvents;
    private final CaptureManagement capture;
    private final DailyCounts counts;
    private final CaseLog caseLog;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CaptureRecordRebuild(
            CaptureEventLog captureEvents,
            CaptureManagement capture,
            DailyCounts counts,
            CaseLog caseLog,
            TransactionTemplate transactions,
            Clock clock) {
        this.captureEvents = captureEvents;
        this.capture = capture;
        this.counts = counts;
        this.caseLog = caseLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Recounts the days before {@code today} that the capture tables hold. */
    AnalyticsRebuild.Recount rebuild(LocalDate today, AnalyticsRebuild.Replayed replayedSoFar) {
        LocalDate first = captureEvents.oldest().map(CaseCounts::day).orElse(today);
        if (!first.isBefore(today)) {
            return AnalyticsRebuild.Recount.NOTHING;
        }
        RebuildTally tally = new RebuildTally(first, today, replayedSoFar);
        transactions.executeWithoutResult(tx -> {
            // to now, not to midnight: a link made today is restored on its case too
            captureEvents.replay(first.atStartOfDay(ZoneOffset.UTC).toInstant(), clock.instant(), stored -> {
                switch (stored.event()) {
                    case ArticleLinkedToCase l -> CaptureCounts.linked(l, stored.at(), capture, tally, caseLog);
                    case ArticleFlagged f -> CaptureCounts.flagged(f, stored.at(), tally);
                    case ArticleFlagResolved r -> CaptureCounts.fixed(r, stored.at(), tally);
                    default -> throw new IllegalArgumentException("not a capture event: " + stored.event());
                }
                tally.replayed();
            });
            // a rebuild must not bring back the links of cases whose rows the retention purged
            caseLog.purgeLinksWithoutCase();
            tally.replace(counts, CaptureCounts.METRICS, first);
        });
        return tally.recount();
    }
}
