package com.answerloop.knowledge;

/** A request about an article that cannot be done as asked; the message is meant for the user. */
public class ArticleProblem extends RuntimeException {

    public ArticleProblem(String message) {
        super(message);
    }
}
