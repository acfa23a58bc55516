package com.answerloop.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A document's passage vectors: read from the {@link EmbeddingStore} where the same text was embedded by the same
 * model before, computed (and stored) otherwise. The model is the costly part of writing a document (tens of
 * milliseconds per passage on two cores), and most documents of a rebuild have not changed.
 */
final class PassageEmbeddings {

    private final String model;
    private final Function<String, float[]> embedder;
    private final EmbeddingStore store;
    private final AtomicLong computed = new AtomicLong();
    private final AtomicLong reused = new AtomicLong();

    PassageEmbeddings(String model, Function<String, float[]> embedder, EmbeddingStore store) {
        this.model = model;
        this.embedder = embedder;
        this.store = store;
    }

    List<float[]> of(List<String> passages) {
        Map<String, String> byHash = new LinkedHashMap<>();
        passages.forEach(p -> byHash.putIfAbsent(hash(p), p));
        Map<String, float[]> vectors = new LinkedHashMap<>(store.find(model, byHash.keySet()));
        reused.addAndGet(vectors.size());
        Map<String, float[]> fresh = new LinkedHashMap<>();
        byHash.forEach((hash, text) -> {
            if (!vectors.containsKey(hash)) {
                fresh.put(hash, embedder.apply(text));
            }
        });
        computed.addAndGet(fresh.size());
        store.save(model, fresh);
        vectors.putAll(fresh);
        List<float[]> inOrder = new ArrayList<>();
        passages.forEach(p -> inOrder.add(vectors.get(hash(p))));
        return inOrder;
    }

    String model() {
        return model;
    }

    /** Passages embedded by the model since start (the others came from the store). */
    long computed() {
        return computed.get();
    }

    long reused() {
        return reused.get();
    }

    static String hash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
