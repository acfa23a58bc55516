package com.answerloop.shared.readonly;

import com.answerloop.shared.health.DatabaseProbe;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Whether the portal is in read-only mode, as Discourse does it: it enters the mode when a connection to the database
 * fails or the time-boxed probe gets no answer, and leaves it by itself when the probe gets one again. While it is on,
 * the database is not asked at all ({@link GatedDataSource}), so nothing waits for a connection timeout; pages say so
 * (the layout's banner), writes are refused ({@link ReadOnlyGuard}) and articles and search keep serving.
 *
 * <p>Also the {@code readOnlyMode} health component: {@code UP} when writes are accepted, {@code OUT_OF_SERVICE} with
 * the reason and start time while they are not.
 */
@Component
public class ReadOnlyMode implements HealthIndicator {

    /** What {@code Retry-After} says to a refused request: the probe runs every 2 s, recovery takes a few. */
    static final int RETRY_AFTER_SECONDS = 30;

    private static final Logger log = LoggerFactory.getLogger(ReadOnlyMode.class);

    private final DatabaseProbe probe;
    private final Clock clock;
    /**
     * Probes that must fail in a row before the mode starts: one probe that misses its deadline during a CPU spike or
     * a long pause is not an outage, and a false alarm refuses every write. A failed connection in a request still
     * enters at once.
     */
    static final int FAILED_PROBES_TO_ENTER = 2;

    private int failedProbesInARow;
    private volatile Instant since;
    private volatile String reason;

    ReadOnlyMode(DatabaseProbe probe, Clock clock) {
        this.probe = probe;
        this.clock = clock;
    }

    /** Whether writes are refused right now (the layout's banner asks this on every page). */
    public boolean active() {
        return since != null;
    }

    synchronized void enter(String why) {
        if (since == null) {
            since = clock.instant();
            reason = why;
            log.warn(
                    "Read-only mode: {}. Pages that need the database and all writes are refused until it answers",
                    why);
        }
    }

    synchronized void leave() {
        if (since != null) {
            log.info("Read-only mode ended: the database answers again (it was off for {} s)", seconds());
            since = null;
            reason = null;
        }
    }

    /** Every couple of seconds, on a connection of its own, so a busy pool is never mistaken for a missing database. */
    @Scheduled(fixedDelayString = "${answerloop.read-only.probe-every-ms:2000}")
    void probe() { // one scheduler thread: the counter needs no lock, and enter() is not held up by a slow probe
        Health health = probe.check();
        if (Status.UP.equals(health.getStatus())) {
            failedProbesInARow = 0;
            leave();
        } else if (++failedProbesInARow >= FAILED_PROBES_TO_ENTER) {
            enter("the database does not answer (" + health.getDetails().getOrDefault("reason", health.getStatus())
                    + ")");
        }
    }

    @Override
    public Health health() {
        Instant started = since;
        if (started == null) {
            return Health.up().withDetail("writes", "accepted").build();
        }
        return Health.outOfService()
                .withDetail("writes", "refused: read-only mode")
                .withDetail("reason", reason)
                .withDetail("since", started.toString())
                .build();
    }

    private long seconds() {
        Instant started = since;
        return started == null
                ? 0
                : java.time.Duration.between(started, clock.instant()).toSeconds();
    }
}
