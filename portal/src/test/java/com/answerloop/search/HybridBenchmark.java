package com.answerloop.search;

import static com.answerloop.search.SearchBenchmark.result;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;

/**
 * The hybrid part of the search benchmark ({@link SearchBenchmark}): the same generated articles in a second index,
 * written as a portal with semantic search on writes them ({@link SemanticMode#embedInto}, {@link SearchIndex#prepare}),
 * so each article's passages are embedded by the shipped model on the writing thread. Embedding is slow on two cores,
 * so it runs under a time budget: the first articles get their passage vectors until the budget is spent, the rest
 * are written by words only, and the time for all of them is extrapolated. The word side and the filters thus work on
 * the full index; only the vector graphs are smaller than a full run's. Then it measures query embeddings alone and
 * runs {@link HybridJmhBenchmark} on the index.
 *
 * <p>Settings: {@code -Dbench.semantic.articles} (default: all) caps how many articles get vectors,
 * {@code -Dbench.semantic.minutes} (default 30) the time spent embedding and writing them; {@code -Dbench.reuse=true}
 * keeps a complete hybrid index of the same size from an earlier run.
 */
final class HybridBenchmark {

    /**
     * Distinct queries written for the hybrid runs: more than a JMH fork or the HTTP runs against one portal search,
     * so every search embeds its query (the cache holds 10,000).
     */
    static final int DISTINCT_QUERIES = 50_000;

    /** Queries embedded one by one for the query-embedding figures, after as many again to warm up. */
    private static final int TIMED_QUERIES = 500;

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HybridBenchmark() {}

    static void run(SearchBenchmark.Generator generator, int articles, Path dataDir, Path queriesFile)
            throws Exception {
        SemanticMode semantic = SemanticMode.of(SearchSettings.Semantic.DEFAULTS);
        if (!semantic.on()) {
            result("hybrid index", "not measured: semantic search is " + semantic.status());
            return;
        }
        List<String> queries = generator.distinctQueries(DISTINCT_QUERIES);
        Files.write(queriesFile, queries, StandardCharsets.UTF_8);
        // Fewer one-word queries exist than a tenth of the list: its words-only figures compare with its hybrid ones,
        // not with the words-only index's, whose 1,000 queries repeat
        result(
                "hybrid runs' queries",
                queries.size() + " distinct, " + lengths(queries) + " (the words-only index's 1,000: "
                        + lengths(generator.queries(1_000)) + ")");
        queryEmbeddings(semantic.embedder(), queries);

        Files.createDirectories(dataDir);
        Path indexDir = dataDir.resolve("index");
        try (SearchIndex index = new SearchIndex(indexDir, Ranking.DEFAULT.similarity(), 200)) {
            PassageEmbeddings passages = semantic.embedInto(index, EmbeddingStore.NONE);
            IndexOnDisk.Found found = index.open();
            boolean reuse = Boolean.getBoolean("bench.reuse")
                    && found == IndexOnDisk.Found.CURRENT
                    && index.documentCount() == articles;
            if (reuse) {
                result("hybrid index: articles", articles + " (reused index: indexing not measured)");
            } else {
                write(index, passages, generator, articles);
            }
            long merging = System.nanoTime();
            index.compact();
            index.commit();
            index.refresh();
            result("hybrid index: merge into one segment (s)", seconds(System.nanoTime() - merging));
            int withVectors = withVectors(index);
            result("hybrid index: articles with passage vectors (counted in the index)", Integer.toString(withVectors));
            result("hybrid index: size (MB)", megabytes(SearchBenchmark.size(indexDir)));
            long vectors = vectorBytes(indexDir);
            result(
                    "hybrid index: vector files (MB)",
                    megabytes(vectors)
                            + (withVectors == articles || withVectors == 0
                                    ? ""
                                    : ", " + megabytes(vectors * articles / withVectors) + " extrapolated to "
                                            + articles + " articles with vectors"));
            result("hybrid index: JVM heap used with the index open (MB)", megabytes(heapUsed(false)));
            result("hybrid index: JVM heap used with the index open, after a full GC (MB)", megabytes(heapUsed(true)));
        }
        // JMH's forks open the index themselves: this JVM has let go of it.
        HybridJmhBenchmark.run(indexDir, queriesFile);
    }

    /**
     * Writes every article, embedding passages until the budget or the cap is reached, then by words only (as
     * {@link SearchIndex#prepare} would without vectors); marks the index complete as a portal's rebuild does.
     */
    private static void write(
            SearchIndex index, PassageEmbeddings passages, SearchBenchmark.Generator generator, int articles) {
        int cap = Math.min(articles, Integer.getInteger("bench.semantic.articles", articles));
        double minutes = Double.parseDouble(System.getProperty("bench.semantic.minutes", "30"));
        long budget = (long) (minutes * 60e9);
        long start = System.nanoTime();
        long embedding = 0;
        int embedded = 0;
        while (embedded < cap && System.nanoTime() - start < budget) {
            SearchDocument article = generator.article(embedded + 1);
            long before = System.nanoTime();
            SearchIndex.Prepared prepared = index.prepare(article);
            embedding += System.nanoTime() - before;
            index.update(prepared);
            embedded++;
        }
        long withVectors = System.nanoTime() - start;
        long wordsOnly = System.nanoTime();
        for (int i = embedded + 1; i <= articles; i++) {
            SearchDocument article = generator.article(i);
            index.update(new SearchIndex.Prepared(article.key(), IndexSchema.toDocument(article, List.of())));
        }
        index.markComplete();
        index.commit();
        index.refresh();
        long rest = System.nanoTime() - wordsOnly;

        long computed = passages.computed();
        String why = embedded == articles
                ? "all"
                : embedded == cap
                        ? "capped by bench.semantic.articles"
                        : String.format(Locale.ROOT, "the %.0f-minute budget ran out", minutes);
        result("hybrid index: articles", articles + ", " + embedded + " of them with passage vectors (" + why + ")");
        result(
                "hybrid index: passages embedded",
                String.format(Locale.ROOT, "%d (%.2f per article)", computed, (double) computed / embedded));
        result(
                "hybrid index: embedding (passages/s, one writing thread as in a rebuild)",
                String.format(
                        Locale.ROOT,
                        "%.1f, %.1f ms per passage",
                        computed / (embedding / 1e9),
                        embedding / 1e6 / computed));
        result(
                "hybrid index: indexing with vectors (articles/s, embedding included)",
                String.format(Locale.ROOT, "%.1f", embedded / (withVectors / 1e9)));
        result(
                "hybrid index: indexing the rest by words only (articles/s)",
                embedded == articles
                        ? "none left"
                        : String.format(Locale.ROOT, "%.0f", (articles - embedded) / (rest / 1e9)));
        String extrapolated = embedded == articles ? "measured" : "extrapolated from " + embedded + " articles";
        result(
                "hybrid index: embedding all " + articles + " articles (min)",
                String.format(Locale.ROOT, "%.1f (%s)", embedding / 60e9 * articles / embedded, extrapolated));
        result(
                "hybrid index: indexing all " + articles + " articles with vectors (min)",
                String.format(
                        Locale.ROOT,
                        "%.1f (%s, before the merge)",
                        withVectors / 60e9 * articles / embedded,
                        extrapolated));
    }

    /** Query embeddings alone, one thread: computed (a cache miss) and read from the cache (a hit). */
    private static void queryEmbeddings(SentenceEmbedder embedder, List<String> queries) {
        List<String> texts = queries.stream()
                .limit(2 * TIMED_QUERIES)
                .map(q -> ParsedQuery.parse(q).positiveText())
                .toList();
        texts.subList(TIMED_QUERIES, texts.size()).forEach(embedder::embed);
        long[] computed = new long[TIMED_QUERIES];
        long[] cached = new long[TIMED_QUERIES];
        for (int i = 0; i < TIMED_QUERIES; i++) {
            String text = texts.get(i);
            long start = System.nanoTime();
            embedder.query(text);
            computed[i] = System.nanoTime() - start;
            start = System.nanoTime();
            embedder.query(text);
            cached[i] = System.nanoTime() - start;
        }
        result("query embedding, computed (ms)", percentiles(computed, 1e6, "distinct queries"));
        result("query embedding, from the cache (µs)", percentiles(cached, 1e3, "of the same queries"));
    }

    /** The share of queries of 1, 2, 3 and 4 words. */
    private static String lengths(List<String> queries) {
        int[] counts = new int[5];
        queries.forEach(q -> counts[Math.min(4, q.split(" ").length)]++);
        return String.format(
                Locale.ROOT,
                "1/2/3/4 words: %.0f/%.0f/%.0f/%.0f %%",
                100.0 * counts[1] / queries.size(),
                100.0 * counts[2] / queries.size(),
                100.0 * counts[3] / queries.size(),
                100.0 * counts[4] / queries.size());
    }

    private static String percentiles(long[] nanos, double unit, String what) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "p50 %.2f, p99 %.2f, mean %.2f (%d %s, 1 thread)",
                sorted[sorted.length / 2] / unit,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / unit,
                Arrays.stream(sorted).average().orElse(0) / unit,
                sorted.length,
                what);
    }

    /** Documents with a first passage vector: every document written with vectors has one. */
    private static int withVectors(SearchIndex index) {
        return index.search(searcher -> {
            int n = 0;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                FloatVectorValues vectors = leaf.reader().getFloatVectorValues(IndexSchema.passageVector(0));
                n += vectors == null ? 0 : vectors.size();
            }
            return n;
        });
    }

    /** Bytes of the vector formats' files: raw vectors (.vec), HNSW graph (.vex) and their metadata. */
    private static long vectorBytes(Path indexDir) throws IOException {
        try (Stream<Path> files = Files.list(indexDir)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.ve[a-z]*"))
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        }
    }

    private static long heapUsed(boolean afterGc) {
        if (afterGc) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
