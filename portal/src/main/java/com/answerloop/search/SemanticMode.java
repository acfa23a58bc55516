package com.answerloop.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether searches also find by meaning, decided once at start from {@code answerloop.search.semantic.*}: on with the
 * chosen model, off by setting, or off because the model is unknown or did not load (the portal then searches by
 * words and says why in the log and in {@code /actuator/health}, which stays UP).
 *
 * @param embedder the model, or {@code null} when searching by words only
 * @param status what the health endpoint shows
 */
record SemanticMode(SentenceEmbedder embedder, SearchSettings.Semantic settings, String status) {

    private static final Logger log = LoggerFactory.getLogger(SemanticMode.class);

    static SemanticMode of(SearchSettings.Semantic semantic) {
        if (!semantic.enabled()) {
            return new SemanticMode(null, semantic, "off (answerloop.search.semantic.enabled=false)");
        }
        SentenceModel model = SentenceModel.named(semantic.model()).orElse(null);
        if (model == null) {
            log.error(
                    "Unknown semantic search model {} (answerloop.search.semantic.model; the portal knows {});"
                            + " searching by words only",
                    semantic.model(),
                    SentenceModel.names());
            return new SemanticMode(null, semantic, "off: unknown model " + semantic.model());
        }
        SentenceEmbedder embedder = SentenceEmbedder.shared(model);
        return embedder == null
                ? new SemanticMode(null, semantic, "off: the model did not load: " + SentenceEmbedder.loadError(model))
                : new SemanticMode(embedder, semantic, "on (" + model.modelName() + ")");
    }

    boolean on() {
        return embedder != null;
    }

    /**
     * Lets the index embed each document's passages as it is written (nothing to do when off), with vectors of
     * unchanged passages read from {@code store}. Before the index opens, so that it notices vectors of another
     * model, or none, and has them written again.
     *
     * @return the passage embeddings (their counts say how many were computed), or {@code null} when off
     */
    PassageEmbeddings embedInto(SearchIndex index, EmbeddingStore store) {
        if (!on()) {
            return null;
        }
        String model = embedder.model().modelName();
        PassageEmbeddings passages = new PassageEmbeddings(model, embedder::embed, store);
        index.embedPassagesWith(model + "/" + Passages.VERSION, doc -> passages.of(Passages.of(doc)));
        return passages;
    }

    /** As {@link #embedInto(SearchIndex, EmbeddingStore)}, computing every vector: throwaway indexes. */
    void embedInto(SearchIndex index) {
        embedInto(index, EmbeddingStore.NONE);
    }

    /** The meaning side of a search, or {@code null} when off. */
    SemanticQuery query() {
        return on() ? new SemanticQuery(embedder, settings.candidates(), floor()) : null;
    }

    Fusion fusion() {
        return new Fusion(settings.fusion(), settings.lexicalWeight(), settings.semanticWeight(), floor());
    }

    /** The least similarity that counts: as set, or else the model's own floor. */
    float floor() {
        if (settings.minSimilarity() != null) {
            return settings.minSimilarity();
        }
        return (on() ? embedder.model() : SentenceModel.defaultModel()).floor();
    }
}
