package com.answerloop.cases;

/**
 * A customer answered the effort survey of a solved request: {@code score} from 1 (very low effort) to 7 (very high).
 * Answering again replaces the earlier score, and is told again.
 */
public record EffortRated(String reference, String category, int score) {}
