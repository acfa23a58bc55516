package com.answerloop.search;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * In-process search latency with JMH: the full {@link SearchEngine#search} path (ranking, facet counts, snippets) over
 * an index {@link SearchBenchmark} built, in a forked JVM, for the benchmark's generated queries. Sample-time mode
 * gives the latency percentiles; throughput follows from them because every thread runs its searches back to back
 * (threads / mean latency).
 */
@State(Scope.Benchmark)
public class SearchJmhBenchmark {

    private SearchIndex index;
    private SearchEngine engine;
    private List<String> queries;

    @Setup(Level.Trial)
    public void open() throws IOException {
        index = new SearchIndex(Path.of(System.getProperty("bench.index")), Ranking.DEFAULT.similarity(), 1_000);
        index.open();
        Analyzer analyzer = portalQueryAnalyzer();
        engine = new SearchEngine(index, () -> analyzer, Ranking.DEFAULT);
        queries = Files.readAllLines(Path.of(System.getProperty("bench.queries")), StandardCharsets.UTF_8);
    }

    /** The query analyzer with the synonyms a new portal starts with, so the queries expand as they do there. */
    static Analyzer portalQueryAnalyzer() throws IOException {
        try (Reader rules = new InputStreamReader(
                SearchJmhBenchmark.class.getResourceAsStream("/search/default-synonyms.txt"), StandardCharsets.UTF_8)) {
            return SearchAnalyzers.queryAnalyzer(SearchAnalyzers.parseSynonyms(rules));
        } catch (ParseException e) {
            throw new IOException(e);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        index.close();
    }

    /** Each thread walks the query list from its own random starting point. */
    @State(Scope.Thread)
    public static class Cursor {
        int next = ThreadLocalRandom.current().nextInt(1_000);
    }

    @Benchmark
    public SearchResults search(Cursor cursor) {
        String query = queries.get(cursor.next++ % queries.size());
        return engine.search(SearchQuery.of(query), false, false);
    }

    /** Runs the benchmark on 1 and 8 threads and prints one RESULT line each, as {@link SearchBenchmark} does. */
    static void run(Path indexDir, Path queriesFile) throws RunnerException {
        for (int threads : new int[] {1, 8}) {
            Options options = options(SearchJmhBenchmark.class, threads, indexDir, queriesFile)
                    .build();
            RunResult result = new Runner(options).runSingle();
            SearchBenchmark.result(
                    "in-process, " + threads + " thread" + (threads > 1 ? "s" : "") + " (JMH)",
                    summary(result, threads));
        }
    }

    /**
     * Sample time over 3 warm-up and 4 measured iterations of 5 s each ({@code -Dbench.jmh.seconds} shortens them for
     * a smoke run), in one forked JVM that opens the index itself. JMH keeps only the last list of JVM arguments it
     * is given, so any more come in {@code jvmArgs}.
     */
    static ChainedOptionsBuilder options(
            Class<?> benchmark, int threads, Path indexDir, Path queriesFile, String... jvmArgs) {
        List<String> forked = new ArrayList<>(List.of(
                "-Xmx2g",
                "--add-modules",
                "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED",
                "-Dbench.index=" + indexDir.toAbsolutePath(),
                "-Dbench.queries=" + queriesFile.toAbsolutePath()));
        forked.addAll(List.of(jvmArgs));
        TimeValue iteration = TimeValue.seconds(Long.getLong("bench.jmh.seconds", 5));
        return new OptionsBuilder()
                .include(benchmark.getName() + ".search")
                .mode(Mode.SampleTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .threads(threads)
                .forks(1)
                .warmupIterations(3)
                .warmupTime(iteration)
                .measurementIterations(4)
                .measurementTime(iteration)
                .jvmArgsAppend(forked.toArray(String[]::new));
    }

    /** Searches per second: every thread searches back to back, so threads / mean latency. */
    static double throughput(RunResult result, int threads) {
        return threads * 1000.0 / result.getPrimaryResult().getStatistics().getMean();
    }

    static String summary(RunResult result, int threads) {
        Statistics latency = result.getPrimaryResult().getStatistics();
        return String.format(
                Locale.ROOT,
                "%.1f q/s, p50 %.2f ms, p99 %.2f ms (%d samples)",
                throughput(result, threads),
                latency.getPercentile(50),
                latency.getPercentile(99),
                latency.getN());
    }
}
