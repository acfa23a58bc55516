package com.answerloop.search;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The sentence model's cost per embedding with the jar's own ONNX Runtime session (a pool of one thread per core
 * whose threads spin after each run) against the portal's ({@link OnnxSentenceModel}: no spinning, one thread per
 * query, every core per passage). Not part of the test suite; run by {@code scripts/bench-embedding.sh}.
 *
 * <p>For each: embeddings per second, p50 and p99 latency, and the process's CPU time per embedding, which shows what
 * spinning threads take from searches running beside them. Queries are embedded on 1 thread and on as many threads as
 * the portal has search threads (one per core); passages on one thread, as a rebuild does. Then the other models of
 * {@link SentenceModel} in the portal's sessions, to compare what a query and a passage cost with each.
 */
@EnabledIfSystemProperty(named = "bench.embedding", matches = "true")
class EmbeddingThreadsBenchmark {

    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final List<String> WORDS = List.of(
            "password",
            "reset",
            "account",
            "billing",
            "invoice",
            "cannot",
            "sign",
            "email",
            "change",
            "delete",
            "export",
            "data",
            "team",
            "member",
            "plan",
            "upgrade",
            "refund",
            "card",
            "security",
            "factor",
            "phone",
            "app",
            "sync",
            "error",
            "slow",
            "page",
            "search",
            "article",
            "help",
            "login",
            "verify",
            "address");

    @Test
    void measure() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        SentenceModel minilm = SentenceModel.ALL_MINILM_L6_V2_Q;
        byte[] model = OnnxSentenceModel.modelBytes(minilm);
        EmbeddingModel jar = new AllMiniLmL6V2QuantizedEmbeddingModel();
        EmbeddingModel portalQueries = OnnxSentenceModel.load(minilm, model, 1);
        EmbeddingModel portalPassages = OnnxSentenceModel.load(minilm, model, cores);
        List<String> queries = texts(200_000, 3, 8);
        List<String> passages = texts(20_000, 140, 160);
        for (int threads : List.of(1, cores)) {
            run("queries, jar's session, " + threads + " thread(s)", jar, queries, threads);
            run("queries, portal's session, " + threads + " thread(s)", portalQueries, queries, threads);
        }
        run("passages, jar's session, 1 thread", jar, passages, 1);
        run("passages, portal's session, 1 thread", portalPassages, passages, 1);
        // the other models the setting may name, in the portal's sessions: what choosing one would cost
        for (SentenceModel other : SentenceModel.values()) {
            if (other != minilm) {
                byte[] bytes = OnnxSentenceModel.modelBytes(other);
                run(other.modelName() + ", queries, 1 thread", OnnxSentenceModel.load(other, bytes, 1), queries, 1);
                run(
                        other.modelName() + ", passages, 1 thread",
                        OnnxSentenceModel.load(other, bytes, cores),
                        passages,
                        1);
            }
        }
    }

    private static void run(String label, EmbeddingModel model, List<String> texts, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        for (int i = 0; i < 30; i++) {
            model.embed(texts.get(next.getAndIncrement())); // warm-up
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    model.embed(texts.get(next.getAndIncrement() % texts.size()));
                    latencies.add(System.nanoTime() - start);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> worker : workers) {
            all.addAll(worker.get());
        }
        pool.shutdown();
        long cpu = os.getProcessCpuTime() - cpuBefore;
        all.sort(null);
        System.out.printf(
                "RESULT\t%s\t%.1f per s, p50 %.2f ms, p99 %.2f ms, CPU %.2f ms per embedding (%d embedded)%n",
                label,
                all.size() / (double) SECONDS,
                all.get(all.size() / 2) / 1e6,
                all.get((int) (all.size() * 0.99)) / 1e6,
                cpu / 1e6 / all.size(),
                all.size());
    }

    /** Distinct texts of a few words (questions) or of a passage's length, the same in every run. */
    private static List<String> texts(int count, int minWords, int maxWords) {
        Random random = new Random(15);
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            int words = minWords + random.nextInt(maxWords - minWords + 1);
            for (int w = 0; w < words; w++) {
                text.append(WORDS.get(random.nextInt(WORDS.size()))).append(' ');
            }
            texts.add(text.append(i).toString());
        }
        return texts;
    }
}
