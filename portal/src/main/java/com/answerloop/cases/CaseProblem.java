package com.answerloop.cases;

/** Something the user can fix or should be told (the message is shown as is). */
public class CaseProblem extends RuntimeException {

    public CaseProblem(String message) {
        super(message);
    }
}
