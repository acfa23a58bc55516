package com.answerloop.community;

/** A member answered thread {@code threadId}. */
public record AnswerPosted(long threadId, long answerId, long authorId) {}
