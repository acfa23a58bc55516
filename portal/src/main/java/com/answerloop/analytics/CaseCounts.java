package com.answerloop.analytics;

import com.answerloop.cases.CaseDeflected;
import com.answerloop.cases.CaseOpened;
import com.answerloop.cases.CaseResolved;
import com.answerloop.cases.EffortRated;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * How a case event becomes counts and case rows, in one place for the live listeners and for a rebuild from the
 * cases tables ({@link CaseRecordRebuild}): each is counted on the day it happened, subject and searched words
 * PII-scrubbed.
 */
final class CaseCounts {

    /** The daily metrics counted here: the ones a rebuild from the cases tables replaces. */
    static final List<Metric> METRICS = List.of(
            Metric.CASES_OPENED,
            Metric.CASES_RESOLVED,
            Metric.CASES_RESOLVED_WITH_LINK,
            Metric.CASES_RESOLVED_BY_AGENT,
            Metric.CASES_RESOLVED_WITH_LINK_BY_AGENT,
            Metric.DEFLECTIONS);

    private CaseCounts() {}

    static void opened(
            CaseOpened event, Instant at, SearchCounts.Scrubber scrubber, SearchCounts.Counter counter, CaseLog log) {
        String category = event.category() == null ? "" : event.category();
        LocalDate day = day(at);
        counter.count(day, Metric.CASES_OPENED, category);
        log.opened(
                event.reference(),
                day,
                category,
                scrubber.scrub(event.subject()),
                scrubber.scrub(event.searchedWords()));
    }

    static void resolved(CaseResolved event, Instant at, SearchCounts.Counter counter, CaseLog log) {
        LocalDate day = day(at);
        counter.count(day, Metric.CASES_RESOLVED, "");
        log.solved(event.reference(), at);
        String agent = event.solvedBy() == null ? "" : event.solvedBy();
        counter.count(day, Metric.CASES_RESOLVED_BY_AGENT, agent);
        if (event.linkedDocuments() > 0) {
            counter.count(day, Metric.CASES_RESOLVED_WITH_LINK, "");
            counter.count(day, Metric.CASES_RESOLVED_WITH_LINK_BY_AGENT, agent);
        }
    }

    static void rated(EffortRated event, Instant at, CaseLog log) {
        log.rated(event.reference(), event.score(), day(at));
    }

    static void deflected(CaseDeflected event, Instant at, SearchCounts.Counter counter) {
        counter.count(day(at), Metric.DEFLECTIONS, event.documentKey());
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
