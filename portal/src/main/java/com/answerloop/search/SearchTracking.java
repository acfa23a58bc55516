package com.answerloop.search;

import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Announces searches and result clicks as events (after-commit listeners need a transaction to publish in) and
 * stores them for the search reports.
 */
@Component
class SearchTracking {

    private final ApplicationEventPublisher events;
    private final SearchLogs logs;
    private final Clock clock;

    SearchTracking(ApplicationEventPublisher events, SearchLogs logs) {
        this.events = events;
        this.logs = logs;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public void searched(SearchResults results) {
        SearchQuery query = results.query();
        StringBuilder filters = new StringBuilder();
        if (query.category() != null) {
            filters.append("category=").append(query.category());
        }
        for (String tag : query.tags()) {
            filters.append(filters.isEmpty() ? "" : "&").append("tag=").append(tag);
        }
        if (query.type() != null) {
            filters.append(filters.isEmpty() ? "" : "&").append("type=").append(query.type());
        }
        String bounded = filters.length() > 500 ? filters.substring(0, 500) : filters.toString();
        events.publishEvent(
                new SearchPerformed(ParsedQuery.normalize(query.text()), results.total(), bounded, Instant.now(clock)));
    }

    @Transactional
    public void clicked(String query, String documentKey, int position) {
        events.publishEvent(new SearchResultClicked(
                ParsedQuery.normalize(query), documentKey, Math.max(1, position), Instant.now(clock)));
    }

    @ApplicationModuleListener
    void on(SearchPerformed event) {
        logs.add(event);
    }

    @ApplicationModuleListener
    void on(SearchResultClicked event) {
        logs.add(event);
    }
}
