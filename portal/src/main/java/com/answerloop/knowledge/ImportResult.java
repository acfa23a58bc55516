package com.answerloop.knowledge;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The summary of one kb-content import. */
public record ImportResult(
        String trigger,
        Instant startedAt,
        Instant finishedAt,
        int created,
        int updated,
        int unchanged,
        int archived,
        int failed,
        List<ImportProblem> problems) {

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    public String summary() {
        return "created=%d updated=%d unchanged=%d archived=%d failed=%d"
                .formatted(created, updated, unchanged, archived, failed);
    }
}
