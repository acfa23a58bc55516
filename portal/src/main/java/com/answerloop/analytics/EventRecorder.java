package com.answerloop.analytics;

import com.answerloop.capture.ArticleFlagResolved;
import com.answerloop.capture.ArticleFlagged;
import com.answerloop.capture.ArticleLinkedToCase;
import com.answerloop.capture.CaptureManagement;
import com.answerloop.cases.CaseDeflected;
import com.answerloop.cases.CaseOpened;
import com.answerloop.cases.CaseResolved;
import com.answerloop.cases.EffortRated;
import com.answerloop.cases.FirstResponseGiven;
import com.answerloop.community.AnswerAccepted;
import com.answerloop.community.AnswerPosted;
import com.answerloop.community.QuestionAsked;
import com.answerloop.knowledge.ArticlePublished;
import com.answerloop.knowledge.ArticleRated;
import com.answerloop.search.SearchActivity;
import com.answerloop.search.SearchManagement;
import com.answerloop.search.SearchPerformed;
import com.answerloop.search.SearchResultClicked;
import com.answerloop.search.SearchesRecorded;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' events into daily aggregates. Each listener only queues counts (see
 * {@link AnalyticsBuffer}); query text is PII-scrubbed ({@link QueryScrubber}) before it is queued, so an email address typed into the search
 * box never reaches a table or a dashboard.
 */
@Component
// off (answerloop.analytics.enabled=false): the events are still published, but no analytics listener is registered,
// so nothing is counted or stored for them (used to measure what analytics costs the search API)
@ConditionalOnBooleanProperty(name = "answerloop.analytics.enabled", matchIfMissing = true)
class EventRecorder {

    private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);

    private final AnalyticsBuffer buffer;
    private final QuestionLog questions;
    private final CaseLog caseLog;
    private final CaptureManagement capture;
    private final QueryScrubber scrubber;
    private final SearchSequences sequences;
    private final SearchManagement search;
    private final Clock clock;

    EventRecorder(
            AnalyticsBuffer buffer,
            QuestionLog questions,
            CaseLog caseLog,
            CaptureManagement capture,
            QueryScrubber scrubber,
            SearchSequences sequences,
            SearchManagement search,
            Clock clock) {
        this.sequences = sequences;
        this.search = search;
        this.buffer = buffer;
        this.questions = questions;
        this.caseLog = caseLog;
        this.capture = capture;
        this.scrubber = scrubber;
        this.clock = clock;
    }

    /** A second's searches and clicks at once: one listener transaction per flush of the search log, not per search. */
    @ApplicationModuleListener
    void on(SearchesRecorded recorded) {
        recorded.activity().forEach(this::on);
    }

    void on(SearchActivity activity) {
        switch (activity) {
            case SearchPerformed search ->
                SearchCounts.searched(search, scrubber, sequences, buffer::count, buffer::typed);
            case SearchResultClicked click -> SearchCounts.clicked(click, scrubber, sequences, buffer::count);
        }
    }

    /** Counts the searches whose follow-up window has passed: refined, left without a click, or neither. */
    @Scheduled(fixedDelay = 5_000)
    void settleSearches() {
        settleSearches(clock.instant());
    }

    int settleSearches(Instant now) {
        return SearchCounts.settle(sequences, now, buffer::count, this::learnFrom);
    }

    /**
     * A search that ended on an article teaches search how people ask for it (docs/search.md, "Phrasings learned from
     * the loop"). Learning is a bonus: a failure is logged and the figures are still counted.
     */
    private void learnFrom(SearchSequences.Found found) {
        try {
            search.learnPhrasing(found.documentKey(), found.query(), found.visitor());
        } catch (RuntimeException e) {
            log.warn("Could not learn a phrasing for {}: {}", found.documentKey(), e.toString());
        }
    }

    @ApplicationModuleListener
    void on(ArticleRated event) {
        ArticleCounts.rated(event, clock.instant(), buffer::count);
    }

    @ApplicationModuleListener
    void on(ArticlePublished event) {
        ArticleCounts.published(event.article().id(), clock.instant(), buffer::count, caseLog);
    }

    @ApplicationModuleListener
    void on(CaseOpened event) {
        CaseCounts.opened(event, clock.instant(), scrubber, buffer::count, caseLog);
    }

    @ApplicationModuleListener
    void on(CaseResolved event) {
        CaseCounts.resolved(event, clock.instant(), buffer::count, caseLog);
    }

    @ApplicationModuleListener
    void on(FirstResponseGiven event) {
        caseLog.responded(event.reference(), event.seconds(), event.withinTarget());
    }

    @ApplicationModuleListener
    void on(EffortRated event) {
        CaseCounts.rated(event, clock.instant(), caseLog);
    }

    @ApplicationModuleListener
    void on(ArticleLinkedToCase event) {
        CaptureCounts.linked(event, clock.instant(), capture, buffer::count, caseLog);
    }

    @ApplicationModuleListener
    void on(ArticleFlagged event) {
        CaptureCounts.flagged(event, clock.instant(), buffer::count);
    }

    @ApplicationModuleListener
    void on(ArticleFlagResolved event) {
        CaptureCounts.fixed(event, clock.instant(), buffer::count);
    }

    @ApplicationModuleListener
    void on(CaseDeflected event) {
        CaseCounts.deflected(event, clock.instant(), buffer::count);
    }

    @ApplicationModuleListener
    void on(QuestionAsked event) {
        buffer.count(Metric.QUESTIONS, "");
        questions.asked(event.threadId(), clock.instant());
    }

    @ApplicationModuleListener
    void on(AnswerPosted event) {
        buffer.count(Metric.ANSWERS, Long.toString(event.authorId()));
        questions.answered(event.threadId(), clock.instant());
    }

    @ApplicationModuleListener
    void on(AnswerAccepted event) {
        buffer.count(Metric.ACCEPTED_ANSWERS, Long.toString(event.answererId()));
        questions.accepted(event.threadId(), clock.instant());
    }
}
