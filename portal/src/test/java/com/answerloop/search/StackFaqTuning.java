package com.answerloop.search;

import java.util.List;

/** Scratch grid search over ranking knobs (not part of the suite). */
public final class StackFaqTuning {
    public static void main(String[] args) throws Exception {
        List<StackFaqEvaluation.Thread> threads = StackFaqEvaluation.load(StackFaqEvaluation.locate());
        for (Ranking r : List.of(
                new Ranking(1.5f, 1f, 1f, 1f, 1f, 0f, 3, 2.5f, 1.0f),
                new Ranking(1.5f, 1f, 1f, 1f, 1f, 1f, 3, 2.5f, 1.0f),
                new Ranking(2.0f, 1f, 1f, 1f, 1f, 0.5f, 3, 2.5f, 1.0f),
                new Ranking(1.5f, 1f, 1f, 1f, 1f, 0.5f, 3, 1.2f, 0.75f),
                new Ranking(1.5f, 1f, 1f, 1f, 1f, 0.5f, 3, 2.5f, 0.75f),
                new Ranking(3.0f, 1f, 1f, 1f, 1f, 0.5f, 3, 2.5f, 1.0f))) {
            System.out.println(r + " " + StackFaqEvaluation.evaluate(threads, r));
        }
    }
}
