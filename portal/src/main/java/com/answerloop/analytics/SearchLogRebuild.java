package com.answerloop.analytics;

import com.answerloop.search.SearchEventLog;
import com.answerloop.search.SearchPerformed;
import com.answerloop.search.SearchResultClicked;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recounts the search figures (searches, zero results, clicks, refinements, exits, who typed each query) from the search module's stored
 * searches and clicks. It covers every day the log still holds up to yesterday; today stays with the live counts,
 * which keep arriving while the rebuild runs. The recount replaces those days' rows in one transaction, so running it
 * twice gives the same figures. Searches of the last minute before midnight are judged with the events after it. Run
 * by {@link AnalyticsRebuild}.
 */
@Component
class SearchLogRebuild {

    private static final Logger log = LoggerFactory.getLogger(SearchLogRebuild.class);

    private static final int TYPED_BATCH = 10_000;

    private final SearchEventLog searchLog;
    private final DailyCounts counts;
    private final QueryReach reach;
    private final QueryScrubber scrubber;
    private final AnalyticsSettings settings;
    private final TransactionTemplate transactions;

    SearchLogRebuild(
            SearchEventLog searchLog,
            DailyCounts counts,
            QueryReach reach,
            QueryScrubber scrubber,
            AnalyticsSettings settings,
            TransactionTemplate transactions) {
        this.searchLog = searchLog;
        this.counts = counts;
        this.reach = reach;
        this.scrubber = scrubber;
        this.settings = settings;
        this.transactions = transactions;
    }

    /** Recounts the days before {@code today} that the search log holds; tells {@code replayed} how far it is. */
    AnalyticsRebuild.Recount rebuild(LocalDate today, AnalyticsRebuild.Replayed replayedSoFar) {
        Optional<Instant> oldest = searchLog.oldest();
        LocalDate first =
                oldest.map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC)).orElse(today);
        if (!first.isBefore(today)) {
            return AnalyticsRebuild.Recount.NOTHING;
        }
        Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        // events up to a follow-up window after midnight judge yesterday's last searches; only earlier ones count
        Instant followUpEnd = midnight.plus(SearchSequences.WINDOW).plus(SearchSequences.GRACE);
        Instant until = followUpEnd.isBefore(Instant.now()) ? followUpEnd : Instant.now();
        RebuildTally tally = new RebuildTally(first, today, replayedSoFar);
        Map<String, String> scrubbed = new HashMap<>();
        SearchCounts.Scrubber cachedScrubber = query -> scrubbed.computeIfAbsent(query, scrubber::scrub);
        SearchSequences sequences = new SearchSequences();
        // who typed what is stored as it is replayed, in batches: storing a sighting twice changes nothing
        Set<QueryReach.Sighting> typed = new HashSet<>();
        SearchCounts.Typists typists = (day, query, visitor) -> {
            typed.add(new QueryReach.Sighting(day, query, visitor));
            if (typed.size() >= TYPED_BATCH) {
                reach.addAll(typed);
                typed.clear();
            }
        };
        searchLog.replay(first.atStartOfDay(ZoneOffset.UTC).toInstant(), until, event -> {
            switch (event) {
                case SearchPerformed s -> SearchCounts.searched(s, cachedScrubber, sequences, tally, typists);
                case SearchResultClicked c -> SearchCounts.clicked(c, cachedScrubber, sequences, tally);
                default -> throw new IllegalArgumentException("not a search event: " + event);
            }
            if (tally.replayed()) {
                Instant at = event instanceof SearchPerformed s ? s.at() : ((SearchResultClicked) event).at();
                SearchCounts.settle(sequences, at, tally, SearchCounts.Learner.NONE);
                log.info(
                        "Analytics rebuild: {} search events replayed, up to {}",
                        tally.recount().replayed(),
                        at);
            }
        });
        SearchCounts.settle(sequences, until, tally, SearchCounts.Learner.NONE);
        reach.addAll(typed);
        transactions.executeWithoutResult(tx -> {
            tally.replace(counts, SearchCounts.METRICS, first);
            // the memory of listable queries starts empty after an upgrade: filled here, the first view is not slow
            reach.recountShown(settings.minQueryVisitors());
        });
        return tally.recount();
    }
}
