package com.answerloop.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.langchain4j.model.embedding.EmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns text into a unit-length sentence embedding with a small ONNX model that ships inside a Maven Central jar
 * (all-MiniLM-L6-v2, quantised: 23 MB, 384 dimensions, 256 word pieces at most). It runs in process: no network
 * at run time, nothing downloaded on start. The model is loaded once per JVM; repeated queries hit a cache.
 */
final class SentenceEmbedder {

    private static final Logger log = LoggerFactory.getLogger(SentenceEmbedder.class);

    /** The model's name, stored with each index so a change of model means a rebuild. */
    static final String MODEL = "all-minilm-l6-v2-q";

    static final int DIMENSIONS = 384;

    private static volatile SentenceEmbedder shared;
    private static volatile String loadError;

    /** One thread per query: searches already run side by side, one per core. */
    private final EmbeddingModel queryModel;
    /** Every core per passage: a rebuild embeds passages one after another on its writing thread. */
    private final EmbeddingModel passageModel;
    /** Counts its hits and misses (two striped counters): the search benchmark reports how often queries hit it. */
    private final Cache<String, float[]> queries =
            Caffeine.newBuilder().maximumSize(10_000).recordStats().build();

    private SentenceEmbedder(EmbeddingModel queryModel, EmbeddingModel passageModel) {
        this.queryModel = queryModel;
        this.passageModel = passageModel;
    }

    /**
     * The JVM's embedder, loaded on first use; {@code null} if the model cannot load (for example, the ONNX runtime
     * has no native library for this platform): search then runs on words alone and says so (see {@link #loadError}).
     */
    static SentenceEmbedder shared() {
        if (shared == null && loadError == null) {
            synchronized (SentenceEmbedder.class) {
                if (shared == null && loadError == null) {
                    try {
                        long start = System.nanoTime();
                        byte[] model = OnnxSentenceModel.modelBytes();
                        shared = new SentenceEmbedder(
                                OnnxSentenceModel.load(model, 1),
                                OnnxSentenceModel.load(
                                        model, Runtime.getRuntime().availableProcessors()));
                        log.info(
                                "Semantic search model {} loaded in {} ms",
                                MODEL,
                                (System.nanoTime() - start) / 1_000_000);
                    } catch (Throwable e) {
                        // an error from native code (UnsatisfiedLinkError) included: search must start without it
                        loadError = e.toString();
                        log.error(
                                "Semantic search model {} cannot load; searching by words only: {}",
                                MODEL,
                                loadError,
                                e);
                    }
                }
            }
        }
        return shared;
    }

    /** Why the model did not load, or {@code null}. */
    static String loadError() {
        return loadError;
    }

    /** A query's embedding, cached: the same question asked again costs nothing. */
    float[] query(String text) {
        return queries.get(
                text, question -> unit(queryModel.embed(question).content().vector()));
    }

    /** Hits and misses of the query cache since the model loaded. */
    CacheStats queryCacheStats() {
        return queries.stats();
    }

    /** A passage's embedding (not cached: each passage is embedded once and kept in the embedding store). */
    float[] embed(String text) {
        return unit(passageModel.embed(text).content().vector());
    }

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        float scale = norm == 0 ? 0f : (float) (1 / Math.sqrt(norm));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }
}
