package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Guards ranking quality: the StackFAQ evaluation through the real index and query code. */
class SearchRelevanceTests {

    /** A ranking change that pushes nDCG@10 below this cannot land. */
    static final double MIN_NDCG_AT_10 = 0.88;

    @Test
    void stackFaqNdcgStaysAboveTheBar() throws Exception {
        StackFaqEvaluation.Metrics metrics =
                StackFaqEvaluation.evaluate(StackFaqEvaluation.load(StackFaqEvaluation.locate()), Ranking.DEFAULT);
        System.out.println("StackFAQ: " + metrics);

        assertThat(metrics.queries()).isGreaterThan(1_000);
        assertThat(metrics.ndcg10()).isGreaterThanOrEqualTo(MIN_NDCG_AT_10);
    }
}
