package com.answerloop.search;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the search index.
 *
 * @param refreshMillis how often new writes become searchable (near-real-time refresh interval)
 * @param synonymsFile the operator-editable synonyms file; {@code null} means {@code ${answerloop.data-dir}/synonyms.txt}
 * @param rebuildOnStart whether a missing, corrupt or outdated index is rebuilt at start
 * @param exactCountsUpTo indexes of up to this many documents always get exact result and facet counts; on larger ones
 *     a query that matches a large share is counted on a sample of this many documents and shown as "about"
 * @param semantic search by meaning as well as by words (docs/search.md, "Semantic search")
 */
@ConfigurationProperties("answerloop.search")
record SearchSettings(
        @DefaultValue("200") long refreshMillis,
        Path synonymsFile,
        @DefaultValue("true") boolean rebuildOnStart,
        @DefaultValue("50000") int exactCountsUpTo,
        @DefaultValue Semantic semantic) {

    /**
     * @param enabled whether searches also find documents by meaning (sentence embeddings); off means words only
     * @param model the embedding model, one of {@link SentenceModel}'s names
     * @param lexicalWeight the word ranking's weight in the fusion
     * @param semanticWeight the meaning ranking's weight in the fusion
     * @param minSimilarity the least cosine similarity for a passage found by meaning to count; unset, the model's own
     *     floor ({@link SentenceModel#floor()}; docs/search.md, "Queries nothing answers")
     * @param candidates how many nearest passages per passage field the semantic side considers
     * @param fusion how the two rankings are fused: by ranks or by scores ({@link Fusion})
     */
    record Semantic(
            @DefaultValue("true") boolean enabled,
            @DefaultValue(SentenceModel.DEFAULT_NAME) String model,
            @DefaultValue("0.1") float lexicalWeight,
            @DefaultValue("0.9") float semanticWeight,
            Float minSimilarity,
            @DefaultValue("50") int candidates,
            @DefaultValue("scores") Fusion.Method fusion) {

        /** Scores, 0.1 : 0.9: chosen on the tuning halves of three kinds of queries (docs/search.md, "Fusion"). */
        static final Semantic DEFAULTS =
                new Semantic(true, SentenceModel.DEFAULT_NAME, 0.1f, 0.9f, null, 50, Fusion.Method.SCORES);

        Semantic withEnabled(boolean on) {
            return new Semantic(on, model, lexicalWeight, semanticWeight, minSimilarity, candidates, fusion);
        }
    }

    SearchSettings {
        if (exactCountsUpTo < 1) {
            // a start-up error naming the setting, rather than a search that never finishes counting
            throw new IllegalArgumentException(
                    "answerloop.search.exact-counts-up-to must be at least 1, was " + exactCountsUpTo);
        }
    }
}
