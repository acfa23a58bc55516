package com.answerloop.shared.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How event publications whose listener failed (a database freeze, a full disk) are delivered again while the portal
 * runs, rather than only at the next restart.
 *
 * @param firstRetryAfter how long after its failure a publication is first retried; each further attempt waits twice
 *     as long as the one before
 * @param longestRetryWait the longest wait between two attempts
 * @param listenerThreads how many asynchronous listeners run at once (each holds a database connection, so keep it
 *     below the pool size)
 */
@ConfigurationProperties("answerloop.events")
public record EventDeliverySettings(
        @DefaultValue("10s") Duration firstRetryAfter,
        @DefaultValue("30m") Duration longestRetryWait,
        @DefaultValue("6") int listenerThreads) {

    /** The wait before attempt number {@code attempts + 1}: exponential, capped. */
    Duration waitAfter(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = firstRetryAfter.multipliedBy(1L << doublings);
        return wait.compareTo(longestRetryWait) > 0 ? longestRetryWait : wait;
    }
}
