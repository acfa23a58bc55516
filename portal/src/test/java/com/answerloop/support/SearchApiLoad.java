package com.answerloop.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Drives GET /api/v1/search of a running portal at a fixed rate (see {@link FixedRateLoad}) over a file of queries, one
 * per line, each request the next query: a warm-up run whose figures are discarded, then the measured run, printed as
 * one {@code RESULT} line (see {@link LoadReport#resultLine()}). Used by scripts/bench-search-load.sh.
 *
 * <p>Arguments: base-url rate seconds warm-up-seconds queries-file label [max-in-flight]
 */
public final class SearchApiLoad {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0].replaceAll("/$", "");
        double rate = Double.parseDouble(args[1]);
        Duration measured = Duration.ofSeconds(Long.parseLong(args[2]));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(args[3]));
        List<String> queries = Files.readAllLines(Path.of(args[4]), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .toList();
        String label = args[5];
        int maxInFlight = args.length > 6 ? Integer.parseInt(args[6]) : 2_000;

        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        FixedRateLoad load = new FixedRateLoad(uri -> client.sendAsync(
                        HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).build(),
                        HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode));
        if (!warmUp.isZero()) {
            LoadReport warm = run(load, rate, warmUp, maxInFlight, baseUrl, queries, 0);
            System.err.printf("warm-up %s: %s%n", label, warm.resultLine());
        }
        // the measured run continues through the queries where the warm-up stopped
        long firstQuery = Math.round(rate * warmUp.toSeconds());
        LoadReport report = run(load, rate, measured, maxInFlight, baseUrl, queries, firstQuery);
        System.out.println("RESULT\t" + label + "\t" + report.resultLine());
        System.exit(0);
    }

    private static LoadReport run(
            FixedRateLoad load,
            double rate,
            Duration duration,
            int maxInFlight,
            String baseUrl,
            List<String> queries,
            long firstQuery) {
        return load.run(
                new FixedRateLoad.Settings(
                        rate, duration, maxInFlight, Duration.ofMillis(1), REQUEST_TIMEOUT.plusSeconds(2)),
                i -> URI.create(baseUrl + "/api/v1/search?q="
                        + URLEncoder.encode(
                                queries.get((int) ((firstQuery + i) % queries.size())), StandardCharsets.UTF_8)));
    }

    private SearchApiLoad() {}
}
