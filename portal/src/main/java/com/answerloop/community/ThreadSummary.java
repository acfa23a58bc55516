package com.answerloop.community;

import java.time.Instant;
import java.util.List;

/** A thread as lists, the sitemap and the API list show it. */
public record ThreadSummary(
        long id,
        String slug,
        String title,
        String url,
        String topicSlug,
        String topicTitle,
        List<String> tags,
        ThreadState state,
        int score,
        int answerCount,
        boolean hasAcceptedAnswer,
        long authorId,
        String authorName,
        Instant created,
        Instant lastActivity) {}
