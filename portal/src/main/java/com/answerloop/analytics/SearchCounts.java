package com.answerloop.analytics;

import com.answerloop.search.SearchPerformed;
import com.answerloop.search.SearchResultClicked;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How a search or a click becomes counts, in one place for the live listeners and for a rebuild from the search log:
 * each is counted on the day it happened (a search flushed just after midnight still belongs to the day before), its
 * query PII-scrubbed, and followed by {@link SearchSequences} for the refinement and exit rates.
 */
final class SearchCounts {

    /** Where counts go: the live buffer, or a rebuild's own tally. */
    interface Counter {
        void count(LocalDate day, Metric metric, String subject);
    }

    /** Where the visitors who typed a query go: the live buffer, or a rebuild's own batch. */
    interface Typists {
        void typed(LocalDate day, String query, String visitor);
    }

    /** Scrubs a query (see {@link QueryScrubber}). */
    interface Scrubber {
        String scrub(String query);
    }

    private SearchCounts() {}

    static void searched(
            SearchPerformed event, Scrubber scrubber, SearchSequences sequences, Counter counter, Typists typists) {
        String query = scrubber.scrub(event.query());
        LocalDate day = day(event.at());
        typists.typed(day, query, event.visitor());
        // followed before it is counted: once the search shows in the figures, its follow-up is pending too
        sequences.searched(event.visitor(), event.at(), query);
        counter.count(day, Metric.SEARCHES, query);
        if (event.hits() == 0) {
            counter.count(day, Metric.ZERO_RESULT_SEARCHES, query);
        }
    }

    static void clicked(SearchResultClicked event, Scrubber scrubber, SearchSequences sequences, Counter counter) {
        LocalDate day = day(event.at());
        sequences.clicked(event.visitor(), event.at(), event.documentKey());
        counter.count(day, Metric.SEARCH_CLICKS, scrubber.scrub(event.query()));
        counter.count(day, Metric.DOCUMENT_CLICKS, event.documentKey());
    }

    /** Told of each search that ended on a document it opened (see {@link SearchSequences.Settled#found()}). */
    interface Learner {
        void found(SearchSequences.Found found);

        Learner NONE = found -> {};
    }

    /** Counts the searches whose follow-up window ended before {@code now}, and tells the learner what they found. */
    static int settle(SearchSequences sequences, Instant now, Counter counter, Learner learner) {
        var settled = sequences.settle(now);
        for (SearchSequences.Settled search : settled) {
            if (search.found() != null) {
                learner.found(search.found());
            }
            counter.count(search.day(), Metric.SEARCHES_FOLLOWED, search.query());
            if (search.refined()) {
                counter.count(search.day(), Metric.SEARCH_REFINEMENTS, search.query());
            }
            if (search.exited()) {
                counter.count(search.day(), Metric.SEARCH_EXITS, search.query());
            }
        }
        return settled.size();
    }

    /** The metrics a rebuild from the search log recounts. */
    static final java.util.List<Metric> METRICS = java.util.List.of(
            Metric.SEARCHES,
            Metric.ZERO_RESULT_SEARCHES,
            Metric.SEARCH_CLICKS,
            Metric.DOCUMENT_CLICKS,
            Metric.SEARCHES_FOLLOWED,
            Metric.SEARCH_REFINEMENTS,
            Metric.SEARCH_EXITS);

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at == null ? Instant.now() : at, ZoneOffset.UTC);
    }
}
