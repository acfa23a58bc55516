package com.answerloop.shared.ratelimit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes buckets that are full again every few minutes, so the store stays bounded. In a cluster one node does it
 * (ShedLock): the rows are shared.
 */
@Component
class BucketStoreMaintenance {

    private static final Logger log = LoggerFactory.getLogger(BucketStoreMaintenance.class);

    private final BucketStore buckets;

    BucketStoreMaintenance(BucketStore buckets) {
        this.buckets = buckets;
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    @SchedulerLock(name = "rate-limit-buckets-purge", lockAtMostFor = "PT4M")
    void removeExpired() {
        try {
            int removed = buckets.removeExpired();
            if (removed > 0) {
                log.debug("Removed {} expired rate-limit buckets", removed);
            }
        } catch (RuntimeException e) {
            log.warn("Removing expired rate-limit buckets failed; trying again later: {}", e.toString());
        }
    }
}
