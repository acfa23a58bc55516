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
     * @param model the embedding model; only {@value SentenceEmbedder#MODEL} ships with the portal
     * @param lexicalWeight the word ranking's weight in the reciprocal-rank fusion
     * @param semanticWeight the meaning ranking's weight in the fusion
     * @param minSimilarity the least cosine similarity for a passage found by meaning to count (docs/search.md,
     *     "Queries nothing answers")
     * @param candidates how many nearest passages per passage field the semantic side considers
     */
    record Semantic(
            @DefaultValue("true") boolean enabled,
            @DefaultValue(SentenceEmbedder.MODEL) String model,
            @DefaultValue("1.0") float lexicalWeight,
            @DefaultValue("1.0") float semanticWeight,
            @DefaultValue("0.45") float minSimilarity,
            @DefaultValue("50") int candidates) {

        static final Semantic DEFAULTS = new Semantic(true, SentenceEmbedder.MODEL, 1f, 1f, 0.45f, 50);
    }

    SearchSettings {
        if (exactCountsUpTo < 1) {
            // a start-up error naming the setting, rather than a search that never finishes counting
            throw new IllegalArgumentException(
                    "answerloop.search.exact-counts-up-to must be at least 1, was " + exactCountsUpTo);
        }
    }
}
