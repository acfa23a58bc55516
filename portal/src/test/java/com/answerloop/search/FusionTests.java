package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

class FusionTests {

    private static final float FLOOR = 0.45f;

    /** Two documents the words rank almost alike (1 then 2); the meaning is sure of 2 and barely finds 1. */
    private static final ScoreDoc[] CLOSE_BY_WORDS = {new ScoreDoc(1, 10.0f), new ScoreDoc(2, 9.9f)};

    private static final Map<Integer, Float> SURE_OF_TWO = Map.of(2, 0.95f, 1, 0.46f);

    @Test
    void byScoresASureMeaningMatchDecidesBetweenHitsTheWordsRankAlike() {
        Fusion scores = new Fusion(Fusion.Method.SCORES, 1f, 1f, FLOOR);

        assertThat(docs(scores.fuse(CLOSE_BY_WORDS, 100, SURE_OF_TWO))).containsExactly(2, 1);
    }

    @Test
    void byRanksTheSameTwoTieBecauseOnlyTheirPlacesCount() {
        Fusion ranks = new Fusion(Fusion.Method.RANKS, 1f, 1f, FLOOR);

        ScoreDoc[] fused = ranks.fuse(CLOSE_BY_WORDS, 100, SURE_OF_TWO);

        assertThat(fused[0].score).isEqualTo(fused[1].score);
    }

    @Test
    void byScoresAClearWordMatchStaysAheadOfAWeakMeaningOnlyMatch() {
        Fusion scores = new Fusion(Fusion.Method.SCORES, 1f, 1f, FLOOR);
        ScoreDoc[] words = {new ScoreDoc(1, 12f), new ScoreDoc(2, 3f)};

        assertThat(docs(scores.fuse(words, 100, Map.of(7, 0.60f, 1, 0.70f)))).containsExactly(1, 7, 2);
    }

    @Test
    void hitsBeyondTheFusedOnesFollowInTheWordsOrderWhicheverMethod() {
        ScoreDoc[] words = {new ScoreDoc(1, 5f), new ScoreDoc(2, 4f), new ScoreDoc(3, 3f), new ScoreDoc(4, 2f)};
        for (Fusion.Method method : Fusion.Method.values()) {
            Fusion fusion = new Fusion(method, 1f, 1f, FLOOR);

            List<Integer> order = docs(fusion.fuse(words, 2, Map.of(9, 0.9f, 3, 0.8f)));

            assertThat(order).as("%s", method).hasSize(5).endsWith(4);
            assertThat(order.subList(0, 4)).as("%s", method).containsExactlyInAnyOrder(1, 2, 3, 9);
        }
    }

    private static List<Integer> docs(ScoreDoc[] fused) {
        return Arrays.stream(fused).map(d -> d.doc).toList();
    }
}
