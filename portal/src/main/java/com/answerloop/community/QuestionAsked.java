package com.answerloop.community;

/** A member asked a question, starting thread {@code threadId}. */
public record QuestionAsked(long threadId, long authorId, String title) {}
