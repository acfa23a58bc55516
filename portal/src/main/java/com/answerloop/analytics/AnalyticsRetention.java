package com.answerloop.analytics;

import com.answerloop.search.SearchEventLog;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the analytics module's per-visitor, per-question and per-case rows, and the search module's raw searches and
 * clicks, older than {@code answerloop.analytics.retention}, daily, after the queued counts have been written. Daily
 * aggregates (counts without personal data) are kept.
 */
@Component
class AnalyticsRetention {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsRetention.class);

    private final AnalyticsBuffer buffer;
    private final Visitors visitors;
    private final QueryReach reach;
    private final QuestionLog questions;
    private final CaseLog caseLog;
    private final AnalyticsSettings settings;
    private final SearchEventLog searchLog;

    AnalyticsRetention(
            AnalyticsBuffer buffer,
            Visitors visitors,
            QueryReach reach,
            QuestionLog questions,
            CaseLog caseLog,
            AnalyticsSettings settings,
            SearchEventLog searchLog) {
        this.searchLog = searchLog;
        this.caseLog = caseLog;
        this.buffer = buffer;
        this.visitors = visitors;
        this.reach = reach;
        this.questions = questions;
        this.settings = settings;
    }

    /** The first day that is kept. */
    LocalDate cutoff() {
        return buffer.today().minusDays(settings.retention().toDays());
    }

    @Scheduled(cron = "${answerloop.analytics.purge-cron:0 40 3 * * *}", zone = "UTC")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "analytics-retention", lockAtLeastFor = "PT5M")
    void purge() {
        buffer.flush();
        LocalDate keepFrom = cutoff();
        int visitorRows = visitors.purgeBefore(keepFrom) + reach.purgeBefore(keepFrom);
        reach.recountShown(settings.minQueryVisitors());
        int questionRows = questions.purgeAskedBefore(keepFrom);
        int caseRows = caseLog.purgeOpenedBefore(keepFrom);
        // raw searches were counted as they came (and settled within minutes), so the aggregates no longer need them
        int searchRows =
                searchLog.purgeBefore(keepFrom.atStartOfDay(ZoneOffset.UTC).toInstant());
        log.info(
                "Analytics retention: deleted {} visitor, {} question, {} case and {} raw search rows before {}",
                visitorRows,
                questionRows,
                caseRows,
                searchRows,
                keepFrom);
    }
}
