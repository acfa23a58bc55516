package com.answerloop.analytics;

import com.answerloop.cases.CaseDeflected;
import com.answerloop.cases.CaseEventLog;
import com.answerloop.cases.CaseOpened;
import com.answerloop.cases.CaseResolved;
import com.answerloop.cases.EffortRated;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recounts the case figures (requests opened, cases solved, with a link, per agent, deflections) from the cases
 * module's tables ({@link CaseEventLog}), through the same code as the live listeners ({@link CaseCounts}). The daily
 * counts of every day before today that the tables hold are replaced in one transaction; today keeps its live counts.
 * The per-case rows ({@code analytics_case}) of cases opened within the retention are restored where missing (a solve
 * and an effort answer too), never duplicated; what only events carried (the first response) is kept as it is.
 */
@Component
class CaseRecordRebuild {

    private final CaseEventLog caseEvents;
    private final DailyCounts counts;
    private final CaseLog caseLog;
    private final QueryScrubber scrubber;
    private final AnalyticsRetention retention;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CaseRecordRebuild(
            CaseEventLog caseEvents,
            DailyCounts counts,
            CaseLog caseLog,
            QueryScrubber scrubber,
            AnalyticsRetention retention,
            TransactionTemplate transactions,
            Clock clock) {
        this.caseEvents = caseEvents;
        this.counts = counts;
        this.caseLog = caseLog;
        this.scrubber = scrubber;
        this.retention = retention;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Recounts the days before {@code today} that the cases tables hold. */
    AnalyticsRebuild.Recount rebuild(LocalDate today, AnalyticsRebuild.Replayed replayedSoFar) {
        Optional<Instant> oldest = caseEvents.oldest();
        LocalDate first =
                oldest.map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC)).orElse(today);
        if (!first.isBefore(today)) {
            return AnalyticsRebuild.Recount.NOTHING;
        }
        LocalDate keepFrom = retention.cutoff();
        RebuildTally tally = new RebuildTally(first, today, replayedSoFar);
        transactions.executeWithoutResult(tx -> {
            // to now, not to midnight: a case opened yesterday and solved today gets its solve in its row
            caseEvents.replay(first.atStartOfDay(ZoneOffset.UTC).toInstant(), clock.instant(), stored -> {
                switch (stored.event()) {
                    case CaseOpened o -> CaseCounts.opened(o, stored.at(), scrubber::scrub, tally, caseLog);
                    case CaseResolved r -> CaseCounts.resolved(r, stored.at(), tally, caseLog);
                    case EffortRated e -> CaseCounts.rated(e, stored.at(), caseLog);
                    case CaseDeflected d -> CaseCounts.deflected(d, stored.at(), tally);
                    default -> throw new IllegalArgumentException("not a case event: " + stored.event());
                }
                tally.replayed();
            });
            // a rebuild must not bring back the per-case rows the retention purged
            caseLog.purgeOpenedBefore(keepFrom);
            tally.replace(counts, CaseCounts.METRICS, first);
        });
        return tally.recount();
    }
}
