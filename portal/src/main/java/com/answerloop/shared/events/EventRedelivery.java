package com.answerloop.shared.events;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers failed event publications (an index update or a notification mail whose listener threw) again on a
 * schedule, with exponential backoff per publication, so a fault that passes heals without a restart. Publications
 * still being processed are left alone; those of a crashed process are republished at the next start.
 */
@Component
class EventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

    private final IncompleteEventPublications publications;
    private final EventDeliverySettings settings;
    private final Clock clock;

    EventRedelivery(IncompleteEventPublications publications, EventDeliverySettings settings, Clock clock) {
        this.publications = publications;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${answerloop.events.check-every:5s}",
            initialDelayString = "${answerloop.events.check-every:5s}")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "event-redelivery", lockAtMostFor = "PT1M")
    void redeliverFailed() {
        try {
            publications.resubmitIncompletePublications(
                    ResubmissionOptions.defaults().withFilter(this::isDue).withBatchSize(100));
        } catch (RuntimeException e) {
            // the database itself may be what failed: try again at the next check
            log.warn("Redelivering failed event publications did not work: {}", e.toString());
        }
    }

    /** A failed publication whose backoff since its last attempt (or its publication) has run out. */
    boolean isDue(EventPublication publication) {
        if (publication.getStatus() != EventPublication.Status.FAILED) {
            return false;
        }
        Instant lastAttempt = publication.getLastResubmissionDate() != null
                ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        Instant due = lastAttempt.plus(settings.waitAfter(publication.getCompletionAttempts()));
        return !clock.instant().isBefore(due);
    }
}
