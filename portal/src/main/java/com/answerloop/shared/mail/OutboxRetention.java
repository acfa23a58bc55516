package com.answerloop.shared.mail;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps the mail outbox from growing for ever: sent and abandoned mail older than the retention is deleted. */
@Component
class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    private final OutboxMessages outbox;
    private final MailSettings settings;
    private final Clock clock;

    OutboxRetention(OutboxMessages outbox, MailSettings settings, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${answerloop.mail.retention-check-every:1h}", initialDelay = 60_000)
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "outbox-retention", lockAtLeastFor = "PT5M")
    void purge() {
        try {
            int deleted = outbox.deleteSettledBefore(clock.instant().minus(settings.retention()));
            if (deleted > 0) {
                log.info("Deleted {} mails older than {} from the outbox", deleted, settings.retention());
            }
        } catch (RuntimeException e) {
            log.warn("Purging the mail outbox failed: {}", e.toString());
        }
    }
}
