package com.answerloop.support;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * An open-loop load generator: request {@code i} is due at {@code start + i / rate}, whatever earlier responses do,
 * and its latency is counted from that due time, not from when it was actually sent. A closed-loop tool (wrk) waits
 * for a response before sending the next request on a connection, so while the server stalls it sends little and
 * the stall shows in a handful of latencies; here every request due during a stall (or a pause of this client) carries
 * it (no coordinated omission).
 */
public final class FixedRateLoad {

    /** Sends one request without blocking; completes with the response's HTTP status. */
    public interface Sender {
        CompletableFuture<Integer> send(URI uri);
    }

    /**
     * @param rate requests per second
     * @param duration how long requests are sent
     * @param maxInFlight requests waiting for a response beyond which a due request is dropped (not sent, counted)
     * @param lateAfter a request sent this long after it was due counts as late (its latency still counts from due)
     * @param drainTimeout how long the run waits after the last send for outstanding responses (then: errors)
     */
    public record Settings(double rate, Duration duration, int maxInFlight, Duration lateAfter, Duration drainTimeout) {

        public long requests() {
            return Math.round(rate * duration.toNanos() / 1e9);
        }
    }

    private final Sender sender;
    private final LongSupplier nanoClock;

    public FixedRateLoad(Sender sender) {
        this(sender, System::nanoTime);
    }

    FixedRateLoad(Sender sender, LongSupplier nanoClock) {
        this.sender = sender;
        this.nanoClock = nanoClock;
    }

    /** Sends {@code settings.requests()} requests, request {@code i} to {@code uris.apply(i)}, and reports. */
    public LoadReport run(Settings settings, LongFunction<URI> uris) {
        int total = Math.toIntExact(settings.requests());
        // one slot per request, written before its in-flight count drops, so reading after the drain is safe
        long[] latencies = new long[total];
        java.util.Arrays.fill(latencies, -1);
        AtomicInteger inFlight = new AtomicInteger();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        long late = 0;
        long dropped = 0;
        long maxSendLag = 0;
        long lateAfter = settings.lateAfter().toNanos();
        double periodNanos = 1e9 / settings.rate();
        long start = nanoClock.getAsLong();
        for (int i = 0; i < total; i++) {
            // from the start each time, so rounding never drifts the schedule
            long due = start + (long) (i * periodNanos);
            long now;
            while ((now = nanoClock.getAsLong()) < due) {
                LockSupport.parkNanos(due - now);
            }
            maxSendLag = Math.max(maxSendLag, now - due);
            if (now - due > lateAfter) {
                late++;
            }
            if (inFlight.get() >= settings.maxInFlight()) {
                dropped++;
                continue;
            }
            inFlight.incrementAndGet();
            int request = i;
            CompletableFuture<Integer> response;
            try {
                response = sender.send(uris.apply(i));
            } catch (RuntimeException e) {
                response = CompletableFuture.failedFuture(e);
            }
            response.whenComplete((status, error) -> {
                long done = nanoClock.getAsLong();
                if (error == null && status / 100 == 2) {
                    latencies[request] = done - due;
                } else {
                    String kind = error != null ? rootCause(error).getClass().getSimpleName() : "HTTP " + status;
                    errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
                }
                inFlight.decrementAndGet();
            });
        }
        long drainUntil = nanoClock.getAsLong() + settings.drainTimeout().toNanos();
        while (inFlight.get() > 0 && nanoClock.getAsLong() < drainUntil) {
            LockSupport.parkNanos(1_000_000);
        }
        int unanswered = inFlight.get();
        if (unanswered > 0) {
            errors.computeIfAbsent("no response", k -> new LongAdder()).add(unanswered);
        }
        return LoadReport.of(settings, latencies, errors, late, dropped, maxSendLag);
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
