package com.answerloop.community;

/**
 * A post disappeared from public view (flags, a moderator, or held for review); {@code question} means the whole
 * thread went with it.
 */
public record PostHidden(long threadId, long postId, boolean question) {}
