package com.answerloop.community;

import java.time.Instant;
import java.util.List;

/** One revision of a post for the history page; {@code title} and {@code tags} only for questions. */
public record RevisionView(
        int number, long editorId, String editorName, String title, List<String> tags, String body, Instant created) {}
