package com.answerloop.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns text into a unit-length sentence embedding with a small ONNX model that ships inside a Maven Central jar
 * ({@link SentenceModel}: 384 dimensions). It runs in process: no network at run time, nothing downloaded on start.
 * Each model is loaded once per JVM; repeated queries hit a cache.
 */
final class SentenceEmbedder {

    private static final Logger log = LoggerFactory.getLogger(SentenceEmbedder.class);

    /** Each model's embedder, or why it did not load: loaded on first use, once per JVM. */
    private static final Map<SentenceModel, Loaded> loaded = new ConcurrentHashMap<>();

    private record Loaded(SentenceEmbedder embedder, String error) {}

    private final SentenceModel model;
    /** One thread per query: searches already run side by side, one per core. */
    private final EmbeddingModel queryModel;
    /** Every core per passage: a rebuild embeds passages one after another on its writing thread. */
    private final EmbeddingModel passageModel;
    /** Counts its hits and misses (two striped counters): the search benchmark reports how often queries hit it. */
    private final Cache<String, float[]> queries =
            Caffeine.newBuilder().maximumSize(10_000).recordStats().build();

    private SentenceEmbedder(SentenceModel model, EmbeddingModel queryModel, EmbeddingModel passageModel) {
        this.model = model;
        this.queryModel = queryModel;
        this.passageModel = passageModel;
    }

    /** The default model's embedder (see {@link #shared(SentenceModel)}). */
    static SentenceEmbedder shared() {
        return shared(SentenceModel.defaultModel());
    }

    /**
     * The JVM's embedder for this model, loaded on first use; {@code null} if the model cannot load (its jar is missing,
     * or the ONNX runtime has no native library for this platform): search then runs on words alone and says so (see
     * {@link #loadError}).
     */
    static SentenceEmbedder shared(SentenceModel model) {
        return loaded.computeIfAbsent(model, SentenceEmbedder::load).embedder();
    }

    private static Loaded load(SentenceModel model) {
        try {
            long start = System.nanoTime();
            byte[] bytes = OnnxSentenceModel.modelBytes(model);
            SentenceEmbedder embedder = new SentenceEmbedder(
                    model,
                    OnnxSentenceModel.load(model, bytes, 1),
                    OnnxSentenceModel.load(model, bytes, Runtime.getRuntime().availableProcessors()));
            log.info(
                    "Semantic search model {} loaded in {} ms",
                    model.modelName(),
                    (System.nanoTime() - start) / 1_000_000);
            return new Loaded(embedder, null);
        } catch (Throwable e) {
            // an error from native code (UnsatisfiedLinkError) included: search must start without it
            log.error(
                    "Semantic search model {} cannot load; searching by words only: {}",
                    model.modelName(),
                    e.toString(),
                    e);
            return new Loaded(null, e.toString());
        }
    }

    /** Why the model did not load, or {@code null}. */
    static String loadError(SentenceModel model) {
        Loaded attempt = loaded.get(model);
        return attempt == null ? null : attempt.error();
    }

    SentenceModel model() {
        return model;
    }

    /** A query's embedding, cached: the same question asked again costs nothing. */
    float[] query(String text) {
        return queries.get(
                text,
                question ->
                        unit(queryModel.embed(model.asQuery(question)).content().vector()));
    }

    /** Hits and misses of the query cache since the model loaded. */
    CacheStats queryCacheStats() {
        return queries.stats();
    }

    /** A passage's embedding (not cached: each passage is embedded once and kept in the embedding store). */
    float[] embed(String text) {
        return unit(passageModel.embed(model.asPassage(text)).content().vector());
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
