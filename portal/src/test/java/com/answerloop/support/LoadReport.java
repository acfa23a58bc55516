package com.answerloop.support;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * What a {@link FixedRateLoad} run measured. Latencies (of successful responses only, in nanoseconds, from each
 * request's due time) are kept whole, so the percentiles are exact.
 *
 * @param scheduled requests due in the run
 * @param sortedLatencies latency of every 2xx response, ascending
 * @param errors failed requests by kind ("HTTP 429", "HttpTimeoutException", "no response")
 * @param late requests sent more than {@code lateAfter} after they were due (this client fell behind)
 * @param dropped requests not sent because {@code maxInFlight} responses were outstanding
 * @param maxSendLag the longest any request waited past its due time before it was sent
 */
public record LoadReport(
        FixedRateLoad.Settings settings,
        long scheduled,
        long[] sortedLatencies,
        Map<String, Long> errors,
        long late,
        long dropped,
        long maxSendLag) {

    static LoadReport of(
            FixedRateLoad.Settings settings,
            long[] latencies,
            Map<String, LongAdder> errors,
            long late,
            long dropped,
            long maxSendLag) {
        long[] answered = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        Map<String, Long> errorCounts = errors.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum(), Long::sum, TreeMap::new));
        return new LoadReport(settings, latencies.length, answered, errorCounts, late, dropped, maxSendLag);
    }

    public long succeeded() {
        return sortedLatencies.length;
    }

    public long failed() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Successful responses per second of the schedule. */
    public double achievedRate() {
        return succeeded() / (settings.duration().toNanos() / 1e9);
    }

    /** The latency (ns) at or below which {@code percent} % of the successful responses came (nearest rank). */
    public long percentile(double percent) {
        if (sortedLatencies.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sortedLatencies.length);
        return sortedLatencies[Math.max(0, Math.min(sortedLatencies.length, rank) - 1)];
    }

    public long max() {
        return sortedLatencies.length == 0 ? 0 : sortedLatencies[sortedLatencies.length - 1];
    }

    /** Tab-separated: target and achieved rate, p50 / p90 / p99 / max (ms), errors, dropped, late, max send lag. */
    public String resultLine() {
        return String.join(
                "\t",
                format("%.0f/s", settings.rate()),
                format("%.1f/s", achievedRate()),
                millis(percentile(50)),
                millis(percentile(90)),
                millis(percentile(99)),
                millis(max()),
                failed() == 0
                        ? "0"
                        : failed() + " ("
                                + errors.entrySet().stream()
                                        .map(e -> e.getKey() + " x" + e.getValue())
                                        .collect(Collectors.joining(", "))
                                + ")",
                Long.toString(dropped),
                Long.toString(late),
                millis(maxSendLag));
    }

    private static String millis(long nanos) {
        return format("%.2f", nanos / 1e6);
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
