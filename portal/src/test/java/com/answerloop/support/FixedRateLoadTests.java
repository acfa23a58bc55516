package com.answerloop.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The open-loop schedule and where latencies are counted from, against a stalling server and a stalling client. */
class FixedRateLoadTests {

    private static final FixedRateLoad.Settings HUNDRED_PER_SECOND_FOR_ONE_SECOND =
            new FixedRateLoad.Settings(100, Duration.ofSeconds(1), 1_000, Duration.ofMillis(5), Duration.ofSeconds(10));

    private static final long MS = 1_000_000;

    @Test
    void keepsSendingWhileTheServerStallsAndCountsEachWaitFromWhenTheRequestWasDue() throws Exception {
        // one handler thread that stalls 500 ms on the first request: the requests due meanwhile queue behind it
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        ExecutorService handler = Executors.newSingleThreadExecutor();
        AtomicBoolean stalled = new AtomicBoolean();
        server.createContext("/", exchange -> {
            if (stalled.compareAndSet(false, true)) {
                sleep(500);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(handler);
        server.start();
        try (HttpClient client = HttpClient.newHttpClient()) {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            FixedRateLoad load = new FixedRateLoad(target -> client.sendAsync(
                            HttpRequest.newBuilder(target).build(), HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode));

            LoadReport report = load.run(HUNDRED_PER_SECOND_FOR_ONE_SECOND, i -> uri);

            assertThat(report.failed()).isZero();
            assertThat(report.dropped()).isZero();
            assertThat(report.succeeded())
                    .as("sent on schedule, not after each response")
                    .isEqualTo(100);
            assertThat(report.max()).isGreaterThanOrEqualTo(480 * MS);
            // due at 0, 10, ..., 290 ms: each waited for the stall to end, 210 ms or more after it was due
            assertThat(Arrays.stream(report.sortedLatencies()).filter(l -> l >= 200 * MS))
                    .hasSizeGreaterThanOrEqualTo(25);
            assertThat(report.percentile(99)).isGreaterThanOrEqualTo(400 * MS);
        } finally {
            server.stop(0);
            handler.shutdownNow();
        }
    }

    @Test
    void requestsThisClientSendsLateCarryTheirLatenessInTheirLatency() {
        // an instant server, but the first send blocks the sending thread 300 ms (as a GC pause of the client would)
        AtomicBoolean paused = new AtomicBoolean();
        FixedRateLoad load = new FixedRateLoad(uri -> {
            if (paused.compareAndSet(false, true)) {
                sleep(300);
            }
            return CompletableFuture.completedFuture(200);
        });

        LoadReport report = load.run(HUNDRED_PER_SECOND_FOR_ONE_SECOND, i -> URI.create("http://unused/"));

        assertThat(report.succeeded()).isEqualTo(100);
        // due at 10 ... 290 ms, sent at about 300 ms: late, and measured from when they were due
        assertThat(report.late()).isBetween(25L, 35L);
        assertThat(report.max()).isBetween(280 * MS, 400 * MS);
        assertThat(report.maxSendLag()).isGreaterThanOrEqualTo(280 * MS);
        assertThat(report.percentile(50)).isLessThan(5 * MS);
        assertThat(report.achievedRate()).isEqualTo(100.0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
