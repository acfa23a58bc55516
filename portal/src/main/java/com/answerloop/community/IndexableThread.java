package com.answerloop.community;

import java.time.LocalDate;
import java.util.List;

/**
 * A publicly visible thread as the search index needs it: plain text only.
 *
 * @param acceptedAnswer the accepted answer's text, or empty
 * @param topAnswers the texts of the best-scored other visible answers
 */
public record IndexableThread(
        long id,
        String slug,
        String url,
        String title,
        String question,
        String acceptedAnswer,
        List<String> topAnswers,
        List<String> tags,
        String topicSlug,
        String topicTitle,
        int answerCount,
        int score,
        LocalDate updated) {}
