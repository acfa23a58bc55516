package com.answerloop.search;

import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/**
 * The relevance knobs: per-field boosts of the multi-field BM25 query, the BM25 parameters and the proximity boost for
 * query words that appear close together. Values are chosen with {@code scripts/eval-search.sh} (docs/search.md).
 */
record Ranking(
        float title,
        float summary,
        float headings,
        float body,
        float tags,
        float proximity,
        int proximitySlop,
        float k1,
        float b,
        float contentTie) {

    /**
     * Textbook BM25 (1.2 / 0.75) and the title a little above the rest; a word scores in the best of summary,
     * headings and body plus {@code contentTie} of the others (docs/search.md, "What each ranking change did").
     */
    static final Ranking DEFAULT = new Ranking(1.5f, 1.0f, 1.0f, 1.0f, 1.0f, 0.5f, 3, 1.2f, 0.75f, 0.1f);

    Similarity similarity() {
        return new BM25Similarity(k1, b);
    }
}
