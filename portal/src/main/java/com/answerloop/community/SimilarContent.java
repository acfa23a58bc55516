package com.answerloop.community;

import java.util.List;

/**
 * Finds existing threads and articles that may already answer a question being typed. Implemented by the search
 * module (which sits above community), so the forum can suggest them without depending on it.
 */
public interface SimilarContent {

    List<Match> similarTo(String title, int limit);

    /** A thread or article that may answer the question; {@code type} is {@code thread} or {@code article}. */
    record Match(String type, String title, String url) {}
}
