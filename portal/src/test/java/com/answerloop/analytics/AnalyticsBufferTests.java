package com.answerloop.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class AnalyticsBufferTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private final Map<DailyCounts.Key, Long> written = new HashMap<>();
    private final TransactionTemplate transactions = new TransactionTemplate(new InMemoryTransactions());
    private final AnalyticsBuffer buffer = new AnalyticsBuffer(
            new DailyCounts(null, null, null) {
                @Override
                void add(Map<Key, Long> increments) {
                    increments.forEach((key, n) -> written.merge(key, n, Long::sum));
                }
            },
            new Visitors(null, null) {
                @Override
                void addAll(Set<AnalyticsBuffer.Sighting> sightings) {}
            },
            new QueryReach(null, null, null) {
                @Override
                void addAll(Collection<Sighting> sightings) {}
            },
            transactions,
            Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void aListenerThatFailsAfterCountingAndIsDeliveredAgainCountsOnce() {
        // the first delivery counts, then its own database write fails: the event publication is retried later
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                    buffer.count(Metric.ARTICLES_PUBLISHED, "article:7");
                    throw new IllegalStateException("lock timeout");
                }))
                .hasMessage("lock timeout");
        transactions.executeWithoutResult(tx -> buffer.count(Metric.ARTICLES_PUBLISHED, "article:7"));

        buffer.flush();

        assertThat(written)
                .containsExactly(Map.entry(new DailyCounts.Key(TODAY, Metric.ARTICLES_PUBLISHED, "article:7"), 1L));
    }

    @Test
    void outsideATransactionACountIsQueuedAtOnce() {
        buffer.count(Metric.ARTICLES_PUBLISHED, "article:8");

        buffer.flush();

        assertThat(written).containsEntry(new DailyCounts.Key(TODAY, Metric.ARTICLES_PUBLISHED, "article:8"), 1L);
    }

    /** Transactions without a database: begin, commit and roll back do nothing but run the synchronisations. */
    private static final class InMemoryTransactions extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {}

        @Override
        protected void doRollback(DefaultTransactionStatus status) {}
    }
}
