package com.answerloop.analytics;

import com.answerloop.knowledge.ArticleEventLog;
import com.answerloop.knowledge.ArticleRated;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recounts the helpful and unhelpful votes, the votes with a comment and the articles published from the knowledge
 * module's tables ({@link ArticleEventLog}), through the same code as the live listeners ({@link ArticleCounts}). The
 * votes are replaced from the day of the oldest stored vote, the publications from the day of the oldest stored
 * publication, up to yesterday, in one transaction; a captured article's first publication is restored on its case's
 * link where it is missing.
 */
@Component
class KnowledgeRecordRebuild {

    private final ArticleEventLog articleEvents;
    private final DailyCounts counts;
    private final CaseLog caseLog;
    private final TransactionTemplate transactions;
    private final Clock clock;

    KnowledgeRecordRebuild(
            ArticleEventLog articleEvents,
            DailyCounts counts,
            CaseLog caseLog,
            TransactionTemplate transactions,
            Clock clock) {
        this.articleEvents = articleEvents;
        this.counts = counts;
        this.caseLog = caseLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Recounts the days before {@code today} that the knowledge tables hold. */
    AnalyticsRebuild.Recount rebuild(LocalDate today, AnalyticsRebuild.Replayed replayedSoFar) {
        Optional<LocalDate> votesFrom = articleEvents.oldestVote().map(CaseCounts::day);
        Optional<LocalDate> publicationsFrom = articleEvents.oldestPublication().map(CaseCounts::day);
        LocalDate first = earliest(votesFrom, publicationsFrom).orElse(today);
        if (!first.isBefore(today)) {
            return AnalyticsRebuild.Recount.NOTHING;
        }
        RebuildTally tally = new RebuildTally(first, today, replayedSoFar);
        transactions.executeWithoutResult(tx -> {
            // to now, not to midnight: an article captured yesterday and published today gets its time on its link
            articleEvents.replay(first.atStartOfDay(ZoneOffset.UTC).toInstant(), clock.instant(), stored -> {
                switch (stored.event()) {
                    case ArticleRated r -> ArticleCounts.rated(r, stored.at(), tally);
                    case ArticleEventLog.Publication p ->
                        ArticleCounts.published(p.articleId(), stored.at(), tally, caseLog);
                    default -> throw new IllegalArgumentException("not a knowledge event: " + stored.event());
                }
                tally.replayed();
            });
            // each source only from its own oldest day: days before it keep the counts the events gave
            votesFrom
                    .filter(day -> day.isBefore(today))
                    .ifPresent(day -> tally.replace(counts, ArticleCounts.VOTE_METRICS, day));
            publicationsFrom
                    .filter(day -> day.isBefore(today))
                    .ifPresent(day -> tally.replace(counts, ArticleCounts.PUBLICATION_METRICS, day));
        });
        return tally.recount();
    }

    private static Optional<LocalDate> earliest(Optional<LocalDate> a, Optional<LocalDate> b) {
        return a.isEmpty() ? b : b.isEmpty() || a.get().isBefore(b.get()) ? a : b;
    }
}
