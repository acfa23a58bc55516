package com.answerloop.search;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;

/**
 * In-process search on the hybrid index ({@link HybridBenchmark}) with JMH, as {@link SearchJmhBenchmark} measures
 * the words-only index, over one list of distinct queries and three engines: by words alone (what a portal with
 * semantic search off builds), hybrid with every query embedded (the threads share one walk through the list, so no
 * query is searched twice in a forked JVM and the query-embedding cache cannot hit), and hybrid with the embeddings
 * cached (the first {@value #REPEATED} queries, searched once before measuring, then over and over). Each fork first
 * warms up on queries from the far end of the list. It writes the cache's hits and misses during JMH's warm-up and
 * measurement to a file; the parent reports them next to the figures.
 */
@State(Scope.Benchmark)
public class HybridJmhBenchmark {

    /** The modes, with the words each RESULT line names them by. */
    static final Map<String, String> MODES = modes();

    /** How many queries the cached mode repeats: a tenth of the cache's 10,000, so every repeat is a hit. */
    static final int REPEATED = 1_000;

    /**
     * Searches each fork runs before JMH's warm-up: at a few hundred hybrid searches a second, JMH's three warm-up
     * iterations left the model's runtime and the JIT cold (a hybrid search took 7.5 ms over the first 250 queries and
     * 4 ms after 1,750, on the smoke index).
     */
    static final int WARM_UP = 2_000;

    @Param({"words", "hybrid", "hybrid-cached"})
    public String mode;

    private SearchIndex index;
    private SearchEngine engine;
    private SentenceEmbedder embedder;
    private CacheStats atStart;
    private List<String> queries;
    private int cycle;
    private final AtomicInteger next = new AtomicInteger();

    private static Map<String, String> modes() {
        Map<String, String> modes = new LinkedHashMap<>();
        modes.put("words", "words only");
        modes.put("hybrid", "hybrid, every query embedded");
        modes.put("hybrid-cached", "hybrid, " + REPEATED + " queries repeated (embeddings cached)");
        return modes;
    }

    @Setup(Level.Trial)
    public void open() throws IOException {
        // The index is opened as a portal with semantic search on opens it, whatever the engine: opened with other
        // settings, SearchIndex records at its next commit that the vectors are being replaced, and a hybrid portal
        // started on it later would write every document again.
        SemanticMode hybrid = SemanticMode.of(SearchSettings.Semantic.DEFAULTS);
        if (!hybrid.on()) {
            throw new IllegalStateException("semantic search is " + hybrid.status());
        }
        index = new SearchIndex(Path.of(System.getProperty("bench.index")), Ranking.DEFAULT.similarity(), 1_000);
        hybrid.embedInto(index);
        index.open();
        SemanticMode semantic = mode.equals("words") ? SemanticMode.of(StackFaqEvaluation.WORDS_ONLY) : hybrid;
        Analyzer analyzer = SearchJmhBenchmark.portalQueryAnalyzer();
        engine = new SearchEngine(
                index,
                () -> analyzer,
                Ranking.DEFAULT,
                SearchEngine.EXACT_COUNTS_UP_TO,
                semantic.query(),
                semantic.fusion());
        queries = Files.readAllLines(Path.of(System.getProperty("bench.queries")), StandardCharsets.UTF_8);
        // from the end of the list, which the measured searches (from its start) do not reach: no cache hit later
        int measured = queries.size() - Math.min(WARM_UP, queries.size() / 10);
        for (String query : queries.subList(measured, queries.size())) {
            engine.search(SearchQuery.of(query), false, false);
        }
        cycle = mode.equals("hybrid-cached") ? Math.min(REPEATED, measured) : measured;
        if (mode.equals("hybrid-cached")) {
            for (String query : queries.subList(0, cycle)) {
                engine.search(SearchQuery.of(query), false, false);
            }
        }
        embedder = hybrid.embedder();
        atStart = embedder.queryCacheStats();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        CacheStats during = embedder.queryCacheStats().minus(atStart);
        Files.writeString(
                Path.of(System.getProperty("bench.cacheStats")),
                next.get() + " " + during.hitCount() + " " + during.missCount());
        index.close();
    }

    @Benchmark
    public SearchResults search() {
        String query = queries.get(next.getAndIncrement() % cycle);
        return engine.search(SearchQuery.of(query), false, false);
    }

    /**
     * Runs every mode on 1 and 8 threads; prints each one's figures, the query-embedding cache's hits and misses, and
     * the ratios of hybrid to words-only throughput.
     */
    static void run(Path indexDir, Path queriesFile) throws RunnerException, IOException {
        Map<String, Double> throughput = new LinkedHashMap<>();
        for (String mode : MODES.keySet()) {
            for (int threads : new int[] {1, 8}) {
                Path stats = Files.createTempFile("hybrid-jmh-cache", ".txt");
                RunResult result = new Runner(SearchJmhBenchmark.options(
                                        HybridJmhBenchmark.class,
                                        threads,
                                        indexDir,
                                        queriesFile,
                                        "-Dbench.cacheStats=" + stats.toAbsolutePath())
                                .param("mode", mode)
                                .build())
                        .runSingle();
                String name = "in-process, hybrid index, " + MODES.get(mode) + ", " + threads + " thread"
                        + (threads > 1 ? "s" : "") + " (JMH)";
                SearchBenchmark.result(name, SearchJmhBenchmark.summary(result, threads));
                SearchBenchmark.result("query-embedding cache in: " + name, cacheUse(stats));
                Files.delete(stats);
                throughput.put(mode + threads, SearchJmhBenchmark.throughput(result, threads));
            }
        }
        for (int threads : new int[] {1, 8}) {
            for (String mode : List.of("hybrid", "hybrid-cached")) {
                SearchBenchmark.result(
                        "ratio " + MODES.get(mode) + " / words-only throughput, " + threads + " thread"
                                + (threads > 1 ? "s" : "") + " (JMH)",
                        String.format(
                                Locale.ROOT,
                                "%.2f",
                                throughput.get(mode + threads) / throughput.get("words" + threads)));
            }
        }
    }

    /** "searches, embeddings computed, cache hits", from what the fork wrote. */
    private static String cacheUse(Path stats) throws IOException {
        String[] counts = Files.readString(stats).strip().split(" ");
        if (counts.length < 3) {
            return "not recorded";
        }
        return String.format(
                Locale.ROOT,
                "%s searches (warm-up and measurement), %s query embeddings computed (cache misses), %s cache hits",
                counts[0],
                counts[2],
                counts[1]);
    }
}
