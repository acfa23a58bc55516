package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SentenceModelTests {

    private static final String QUESTION = "I can't remember how to get into my account";
    private static final String ANSWER = "Reset your password: choose 'Forgot password' on the sign-in page";
    private static final String OTHER = "The printer leaves white stripes on every sheet";

    /** Each model the setting may name loads from its jar and places a question nearer its answer than elsewhere. */
    @ParameterizedTest
    @EnumSource(SentenceModel.class)
    void everyListedModelLoadsAndFindsTheAnswerByMeaning(SentenceModel model) {
        SentenceEmbedder embedder = SentenceEmbedder.shared(model);
        assertThat(embedder)
                .as("%s loads: %s", model, SentenceEmbedder.loadError(model))
                .isNotNull();

        float[] question = embedder.query(QUESTION);

        assertThat(question).hasSize(SentenceModel.DIMENSIONS);
        float toOther = dot(question, embedder.embed(OTHER));
        assertThat(dot(question, embedder.embed(ANSWER))).isGreaterThan(toOther);
        // each model's own floor keeps a passage on another subject from counting (its scale differs per model)
        assertThat(toOther)
                .as("other subject %s, floor %s", toOther, model.floor())
                .isLessThan(model.floor());
    }

    @Test
    void aModelNameThePortalDoesNotKnowMeansSearchingByWordsOnlyNotAFailedStart() {
        SearchSettings.Semantic d = SearchSettings.Semantic.DEFAULTS;
        SemanticMode mode = SemanticMode.of(
                new SearchSettings.Semantic(true, "text-embedding-3-large", 1f, 1f, null, 50, Fusion.Method.RANKS));

        assertThat(mode.on()).isFalse();
        assertThat(mode.status()).isEqualTo("off: unknown model text-embedding-3-large");
        assertThat(SemanticMode.of(d).status()).isEqualTo("on (" + SentenceModel.DEFAULT_NAME + ")");
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
