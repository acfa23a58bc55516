package com.answerloop.search;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records searches and result clicks for the search reports and announces them. A search is a read: it only queues
 * its record, and a background flush stores the queue once a second in one transaction (one batched insert) and
 * publishes what it stored there as one {@link SearchesRecorded}, so after-commit listeners in other modules receive
 * it. Writing and
 * publishing per search took a database transaction on every request and most of the API's time beyond the search
 * itself. The cost of the batching: a crash loses at most the last second of analytics, never content.
 */
@Component
class SearchTracking {

    private static final Logger log = LoggerFactory.getLogger(SearchTracking.class);

    /** Bounds memory when the database is slow or the portal is flooded: beyond this, records are dropped. */
    static final int MAX_PENDING = 100_000;

    private static final int BATCH = 2_000;

    /** Records per announcing event (see {@link #announcements}). */
    static final int PER_EVENT = 500;

    private final BlockingQueue<Tracked> pending = new ArrayBlockingQueue<>(MAX_PENDING);
    private final AtomicLong dropped = new AtomicLong();
    private final ApplicationEventPublisher events;
    private final SearchLogs logs;
    private final TransactionTemplate transactions;
    private final VisitorKeys visitors;
    private final Clock clock = Clock.systemUTC();

    SearchTracking(
            ApplicationEventPublisher events, SearchLogs logs, TransactionTemplate transactions, VisitorKeys visitors) {
        this.visitors = visitors;
        this.events = events;
        this.logs = logs;
        this.transactions = transactions;
    }

    /** A search or click record with the pseudonymous key of the visitor who made it. */
    record Tracked(SearchActivity event, String visitor) {}

    public void searched(SearchResults results, HttpServletRequest request) {
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
        String visitor = visitors.of(request);
        record(
                new SearchPerformed(
                        ParsedQuery.normalize(query.text()), results.total(), bounded, Instant.now(clock), visitor),
                visitor);
    }

    public void clicked(String query, String documentKey, int position, HttpServletRequest request) {
        String visitor = visitors.of(request);
        record(
                new SearchResultClicked(
                        ParsedQuery.normalize(query), documentKey, Math.max(1, position), Instant.now(clock), visitor),
                visitor);
    }

    private void record(SearchActivity event, String visitor) {
        if (!pending.offer(new Tracked(event, visitor)) && dropped.getAndIncrement() % 10_000 == 0) {
            log.warn(
                    "Search analytics cannot keep up: {} records dropped so far (queue of {} is full)",
                    dropped.get(),
                    MAX_PENDING);
        }
    }

    /**
     * The events announcing a stored batch, in order, each of at most {@link #PER_EVENT} records: an event is one row
     * of the event registry, whose column holds a million characters on H2, and a record may take up to about 900.
     */
    static List<SearchesRecorded> announcements(List<Tracked> batch) {
        List<SearchesRecorded> announcements = new ArrayList<>();
        for (int from = 0; from < batch.size(); from += PER_EVENT) {
            announcements.add(new SearchesRecorded(
                    batch.subList(from, Math.min(batch.size(), from + PER_EVENT)).stream()
                            .map(Tracked::event)
                            .toList()));
        }
        return announcements;
    }

    /** Stores and publishes what was queued; runs every second and once more at shutdown. */
    @Scheduled(fixedDelayString = "${answerloop.search.analytics-flush-ms:1000}")
    @PreDestroy
    void flush() {
        List<Tracked> batch = new ArrayList<>();
        while (pending.drainTo(batch, BATCH) > 0) {
            try {
                transactions.executeWithoutResult(tx -> {
                    logs.addAll(batch);
                    announcements(batch).forEach(events::publishEvent);
                });
            } catch (RuntimeException e) {
                log.warn("Could not store {} search analytics records; they are lost", batch.size(), e);
            }
            batch.clear();
        }
    }
}
