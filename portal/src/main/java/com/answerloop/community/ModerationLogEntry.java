package com.answerloop.community;

import java.time.Instant;

/** A moderation log line for the moderators' page. */
public record ModerationLogEntry(
        String moderatorName, String action, Long threadId, Long postId, String detail, Instant created) {}
