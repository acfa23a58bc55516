package com.answerloop.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the read models from their source tables, one part after the other: the search figures from the search log
 * ({@link SearchLogRebuild}), the case figures from the cases tables ({@link CaseRecordRebuild}), the citations and
 * flags from the capture tables ({@link CaptureRecordRebuild}), then the votes and publications from the knowledge
 * tables ({@link KnowledgeRecordRebuild}). Each part replaces its days' rows in one transaction, so running it twice
 * gives the same figures. One rebuild at a time; the admin page and the log follow its progress.
 */
@Component
class AnalyticsRebuild {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsRebuild.class);

    /** How often progress is reported, in replayed events. */
    static final int PROGRESS_EVERY = 100_000;

    /** Where a rebuild stands, for the page and the log. */
    record Progress(String state, long replayed, LocalDate from, LocalDate to, Instant started, Instant finished) {

        static final Progress IDLE = new Progress("not run since start", 0, null, null, null, null);

        public boolean running() {
            return "running".equals(state);
        }
    }

    /** What a part recounted: the events replayed and the days replaced (null when there were none). */
    record Recount(long replayed, LocalDate from, LocalDate to) {

        static final Recount NOTHING = new Recount(0, null, null);

        Recount plus(Recount other) {
            return new Recount(replayed + other.replayed, earlier(from, other.from), later(to, other.to));
        }
    }

    /** How a part reports how far it is. */
    interface Replayed {
        void replayed(long events, LocalDate from, LocalDate to);
    }

    /** One part of a rebuild: recounts the days before {@code today} that its source holds. */
    interface Part {
        Recount rebuild(LocalDate today, Replayed replayedSoFar);
    }

    private final List<Part> parts;
    private final AnalyticsBuffer buffer;
    private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.IDLE);

    AnalyticsRebuild(
            SearchLogRebuild searchLog,
            CaseRecordRebuild cases,
            CaptureRecordRebuild capture,
            KnowledgeRecordRebuild knowledge,
            AnalyticsBuffer buffer) {
        // capture before knowledge: a captured article's publication is dated on its case's link, restored first
        this.parts = List.of(searchLog::rebuild, cases::rebuild, capture::rebuild, knowledge::rebuild);
        this.buffer = buffer;
    }

    Progress progress() {
        return progress.get();
    }

    /** Starts a rebuild unless one is running; false if one was. */
    boolean start() {
        if (!claim()) {
            return false;
        }
        Thread.ofVirtual().name("analytics-rebuild").start(this::runClaimed);
        return true;
    }

    /** Runs a rebuild on the calling thread (the command-line flag and tests); returns how it ended. */
    Progress run() {
        if (!claim()) {
            throw new IllegalStateException("A rebuild is already running");
        }
        return runClaimed();
    }

    private boolean claim() {
        Progress current = progress.get();
        return !current.running()
                && progress.compareAndSet(current, new Progress("running", 0, null, null, Instant.now(), null));
    }

    private Progress runClaimed() {
        Instant started = progress.get().started();
        try {
            LocalDate today = buffer.today();
            Recount done = Recount.NOTHING;
            for (Part part : parts) {
                Recount before = done;
                done = done.plus(part.rebuild(
                        today, (events, from, to) -> running(before.replayed() + events, from, to, started)));
            }
            Progress finished = new Progress(
                    done.from() == null ? "done: nothing before today to rebuild" : "done",
                    done.replayed(),
                    done.from(),
                    done.to(),
                    started,
                    Instant.now());
            progress.set(finished);
            log.info(
                    "Analytics rebuild: {} events, days {} to {}, in {} ms",
                    finished.replayed(),
                    finished.from(),
                    finished.to(),
                    Duration.between(started, finished.finished()).toMillis());
            return finished;
        } catch (RuntimeException e) {
            log.error("Analytics rebuild failed; the part that failed kept its figures", e);
            Progress failed = new Progress("failed: " + e.getMessage(), 0, null, null, started, Instant.now());
            progress.set(failed);
            return failed;
        }
    }

    private void running(long events, LocalDate from, LocalDate to, Instant started) {
        progress.set(new Progress("running", events, from, to, started, null));
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
