package com.answerloop.community;

/**
 * A public thread's accepted answer, for promoting it to a knowledge article: the question in the asker's words and
 * the answer, both as Markdown, with who wrote them (display names) and where the thread lives.
 */
public record AcceptedAnswer(
        long threadId,
        String threadTitle,
        String threadUrl,
        String question,
        String askerName,
        long answerId,
        String answer,
        String answererName) {}
