package com.answerloop.search;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Popular past queries for typeahead, held in memory and refreshed every minute so that typeahead never waits for the
 * database. A query is offered only when several distinct visitors searched it, it found something, its results were
 * opened and it holds no personal data: typeahead must never show one visitor's search to another.
 */
@Component
class PopularQueries {

    private static final Logger log = LoggerFactory.getLogger(PopularQueries.class);

    private final SearchLogs logs;
    private final QueryPrivacy privacy;
    private volatile List<String> popular = List.of();
    private volatile List<String> mostClicked = List.of();

    PopularQueries(SearchLogs logs, QueryPrivacy privacy) {
        this.logs = logs;
        this.privacy = privacy;
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 0)
    void refresh() {
        try {
            Instant since = Instant.now().minus(Duration.ofDays(90));
            popular = logs.popularQueries(since, privacy.minVisitors(), 2_000).stream()
                    .filter(privacy::suggestible)
                    .toList();
            mostClicked = logs.mostClicked(since, 20);
        } catch (RuntimeException e) {
            log.warn("Cannot load popular search queries: {}", e.toString());
        }
    }

    List<String> mostClicked(int limit) {
        return mostClicked.stream().limit(limit).toList();
    }

    List<String> startingWith(String prefix, int limit) {
        if (prefix.isEmpty()) {
            return List.of();
        }
        return popular.stream()
                .filter(q -> q.startsWith(prefix) && !q.equals(prefix))
                .limit(limit)
                .toList();
    }
}
