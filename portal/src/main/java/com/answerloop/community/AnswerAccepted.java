package com.answerloop.community;

/** The asker (or a moderator) accepted answer {@code answerId} of thread {@code threadId}. */
public record AnswerAccepted(long threadId, long answerId, long answererId) {}
