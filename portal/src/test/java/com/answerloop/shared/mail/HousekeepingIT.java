package com.answerloop.shared.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The portal's bookkeeping tables stay small and faults heal while it runs (issue 16, A6 and A7): a failed event is
 * delivered again within seconds without a restart, completed event publications are not kept, and old sent mail
 * leaves the outbox.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:housekeeping-${random.uuid};DB_CLOSE_DELAY=-1;MODE=MySQL;"
                    + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
            "answerloop.data-dir=target/housekeeping-it",
            "answerloop.content-dir=target/housekeeping-it/content",
            "answerloop.events.check-every=200ms",
            "answerloop.events.first-retry-after=500ms",
        })
@Import(HousekeepingIT.FlakyListener.class)
class HousekeepingIT {

    /** An event whose listener fails the first time, as an index update does while the disk is full. */
    public record SomethingHappened(String what) {}

    @TestConfiguration
    static class FlakyListener {

        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger handled = new AtomicInteger();

        @ApplicationModuleListener
        void on(SomethingHappened event) {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("the first delivery fails");
            }
            handled.incrementAndGet();
        }

        // accessors, not fields: the bean is a proxy (Modulith records each listener's completion around it)
        int attempts() {
            return attempts.get();
        }

        int handled() {
            return handled.get();
        }
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FlakyListener listener;

    @Autowired
    OutboxMessages outbox;

    @Autowired
    OutboxRetention retention;

    @Test
    void aFailedEventIsDeliveredAgainWhileRunningAndNoPublicationIsKeptOnceDone() {
        transactions.executeWithoutResult(tx -> events.publishEvent(new SomethingHappened("a question")));

        await().atMost(Duration.ofSeconds(20)).until(() -> listener.handled() == 1);
        assertThat(listener.attempts()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(publicationsOf(SomethingHappened.class))
                        .as("publications left in event_publication")
                        .isZero());
    }

    @Test
    void sentMailOlderThanTheRetentionLeavesTheOutboxPendingMailStays() {
        Instant old = Instant.now().minus(Duration.ofDays(31));
        OutboxMessage oldSent = outbox.save(new OutboxMessage(mail("old sent"), OutboxMessage.SENT, old, true));
        OutboxMessage oldPending =
                outbox.save(new OutboxMessage(mail("old pending"), OutboxMessage.PENDING, old, true));
        OutboxMessage recentSent = outbox.save(new OutboxMessage(
                mail("recent sent"), OutboxMessage.SENT, Instant.now().minus(Duration.ofDays(2)), true));

        retention.purge();

        assertThat(outbox.existsById(oldSent.id())).as("sent 31 days ago").isFalse();
        assertThat(outbox.existsById(oldPending.id()))
                .as("still waiting to be sent")
                .isTrue();
        assertThat(outbox.existsById(recentSent.id())).as("sent 2 days ago").isTrue();
    }

    private int publicationsOf(Class<?> type) {
        return jdbc.queryForObject(
                "select count(*) from event_publication where event_type = ?", Integer.class, type.getName());
    }

    private static OutgoingMail mail(String subject) {
        return new OutgoingMail("someone@example.com", subject, "body");
    }
}
