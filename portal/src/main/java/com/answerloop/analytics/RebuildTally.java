package com.answerloop.analytics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a part of a rebuild counted on the days before today, and how many events it replayed: the counter its
 * counting code writes to, reporting progress every {@link AnalyticsRebuild#PROGRESS_EVERY} events.
 */
final class RebuildTally implements SearchCounts.Counter {

    private final Map<DailyCounts.Key, Long> counted = new HashMap<>();
    private final LocalDate first;
    private final LocalDate today;
    private final AnalyticsRebuild.Replayed progress;
    private long replayed;

    RebuildTally(LocalDate first, LocalDate today, AnalyticsRebuild.Replayed progress) {
        this.first = first;
        this.today = today;
        this.progress = progress;
    }

    /** Counts only the days before today: today keeps its live counts, which go on arriving. */
    @Override
    public void count(LocalDate day, Metric metric, String subject) {
        if (day.isBefore(today)) {
            counted.merge(new DailyCounts.Key(day, metric, AnalyticsBuffer.bounded(subject)), 1L, Long::sum);
        }
    }

    /** One more event replayed; true when progress was just reported. */
    boolean replayed() {
        if (++replayed % AnalyticsRebuild.PROGRESS_EVERY == 0) {
            progress.replayed(replayed, first, lastDay());
            return true;
        }
        return false;
    }

    /** Replaces the metrics' rows from {@code from} to the last day with what was counted of them. */
    void replace(DailyCounts counts, List<Metric> metrics, LocalDate from) {
        Map<DailyCounts.Key, Long> ofMetrics = new HashMap<>();
        counted.forEach((key, amount) -> {
            if (metrics.contains(key.metric())) {
                ofMetrics.put(key, amount);
            }
        });
        counts.replace(metrics, from, lastDay(), ofMetrics);
    }

    AnalyticsRebuild.Recount recount() {
        return new AnalyticsRebuild.Recount(replayed, first, lastDay());
    }

    private LocalDate lastDay() {
        return today.minusDays(1);
    }
}
