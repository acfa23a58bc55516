package com.answerloop.analytics;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues counter increments and visitor sightings (who visited, who typed which query) in memory and writes them once a second in one transaction, as
 * search analytics does: recording costs a page or a listener an enqueue, never a database round trip. Increments of
 * the same counter are summed before the write. A crash loses at most the last second of analytics.
 */
@Component
class AnalyticsBuffer {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsBuffer.class);

    /** Bounds memory when the database is slow: beyond this, records are dropped (and the drop logged). */
    static final int MAX_PENDING = 100_000;

    private static final int BATCH = 5_000;

    /** A distinct visitor of one kind on one day. */
    record Sighting(LocalDate day, String kind, String visitor) {}

    private final BlockingQueue<DailyCounts.Key> increments = new ArrayBlockingQueue<>(MAX_PENDING);
    private final BlockingQueue<Sighting> sightings = new ArrayBlockingQueue<>(MAX_PENDING);
    private final BlockingQueue<QueryReach.Sighting> querySightings = new ArrayBlockingQueue<>(MAX_PENDING);
    private final AtomicLong dropped = new AtomicLong();
    private final DailyCounts counts;
    private final Visitors visitors;
    private final QueryReach reach;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AnalyticsBuffer(
            DailyCounts counts, Visitors visitors, QueryReach reach, TransactionTemplate transactions, Clock clock) {
        this.counts = counts;
        this.visitors = visitors;
        this.reach = reach;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Counts one occurrence of {@code metric} for {@code subject} today. */
    void count(Metric metric, String subject) {
        count(today(), metric, subject);
    }

    /** Counts one occurrence on {@code day}: for what is settled later than it happened. */
    void count(LocalDate day, Metric metric, String subject) {
        offer(increments, new DailyCounts.Key(day, metric, bounded(subject)));
    }

    /** A subject as stored: at most {@link DailyCounts#MAX_SUBJECT} characters. */
    static String bounded(String subject) {
        if (subject == null) {
            return "";
        }
        return subject.length() > DailyCounts.MAX_SUBJECT ? subject.substring(0, DailyCounts.MAX_SUBJECT) : subject;
    }

    void sighted(LocalDate day, String kind, String visitor) {
        offer(sightings, new Sighting(day, kind, visitor));
    }

    /** A visitor typed the (scrubbed) query on {@code day}. */
    void typed(LocalDate day, String query, String visitor) {
        offer(querySightings, new QueryReach.Sighting(day, query, visitor));
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * Queues now or, inside a transaction (an event listener's), once it commits. A listener that fails after counting
     * rolls back and is delivered again, so what it counted the first time must not be kept: otherwise a busy
     * database, where listeners fail and are retried, makes figures count one event twice.
     */
    private <T> void offer(BlockingQueue<T> queue, T item) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    enqueue(queue, item);
                }
            });
        } else {
            enqueue(queue, item);
        }
    }

    private <T> void enqueue(BlockingQueue<T> queue, T item) {
        if (!queue.offer(item) && dropped.getAndIncrement() % 10_000 == 0) {
            log.warn("Analytics cannot keep up: {} records dropped so far", dropped.get());
        }
    }

    /** Writes what was queued; runs every second and once more at shutdown. */
    @Scheduled(fixedDelayString = "${answerloop.analytics.flush-ms:1000}")
    @PreDestroy
    void flush() {
        List<DailyCounts.Key> keys = new ArrayList<>();
        List<Sighting> seen = new ArrayList<>();
        List<QueryReach.Sighting> typed = new ArrayList<>();
        while (increments.drainTo(keys, BATCH) + sightings.drainTo(seen, BATCH) + querySightings.drainTo(typed, BATCH)
                > 0) {
            Map<DailyCounts.Key, Long> summed = new LinkedHashMap<>();
            keys.forEach(key -> summed.merge(key, 1L, Long::sum));
            Set<Sighting> distinct = new LinkedHashSet<>(seen);
            Set<QueryReach.Sighting> distinctTyped = new LinkedHashSet<>(typed);
            try {
                transactions.executeWithoutResult(tx -> {
                    counts.add(summed);
                    visitors.addAll(distinct);
                    reach.addAll(distinctTyped);
                });
            } catch (RuntimeException e) {
                log.warn(
                        "Could not store {} analytics records; they are lost",
                        keys.size() + seen.size() + typed.size(),
                        e);
            }
            keys.clear();
            seen.clear();
            typed.clear();
        }
    }
}
