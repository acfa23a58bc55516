package com.answerloop.accounts;

/** A request about an account that cannot be carried out; the message is shown to the user as is. */
class AccountProblem extends RuntimeException {

    /** The form field the problem is about. */
    enum Field {
        PASSWORD,
        DISPLAY_NAME
    }

    private final Field field;

    AccountProblem(String message) {
        this(Field.PASSWORD, message);
    }

    AccountProblem(Field field, String message) {
        super(message);
        this.field = field;
    }

    Field field() {
        return field;
    }
}
