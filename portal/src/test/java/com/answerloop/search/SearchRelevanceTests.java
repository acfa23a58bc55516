package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Guards ranking quality: the StackFAQ evaluation through the real index and query code. */
class SearchRelevanceTests {

    /** A ranking change that pushes nDCG@10 below this cannot land. */
    static final double MIN_NDCG_AT_10 = 0.88;

    /** The same bar for hybrid search (words + meaning), as the portal runs it by default. */
    static final double MIN_HYBRID_NDCG_AT_10 = 0.96;

    @Test
    void hybridStackFaqNdcgStaysAboveTheBar() throws Exception {
        StackFaqEvaluation.Metrics metrics = StackFaqEvaluation.evaluateHybrid(
                StackFaqEvaluation.load(StackFaqEvaluation.locate()), Ranking.DEFAULT);
        System.out.println("StackFAQ hybrid: " + metrics);

        assertThat(metrics.ndcg10()).isGreaterThanOrEqualTo(MIN_HYBRID_NDCG_AT_10);
    }

    @Test
    void stackFaqNdcgStaysAboveTheBar() throws Exception {
        StackFaqEvaluation.Metrics metrics =
                StackFaqEvaluation.evaluate(StackFaqEvaluation.load(StackFaqEvaluation.locate()), Ranking.DEFAULT);
        System.out.println("StackFAQ: " + metrics);

        assertThat(metrics.queries()).isGreaterThan(1_000);
        assertThat(metrics.ndcg10()).isGreaterThanOrEqualTo(MIN_NDCG_AT_10);
    }
}
