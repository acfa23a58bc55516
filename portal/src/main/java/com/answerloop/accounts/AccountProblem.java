package com.answerloop.accounts;

/** A request about an account that cannot be carried out; the message is shown to the user as is. */
class AccountProblem extends RuntimeException {

    AccountProblem(String message) {
        super(message);
    }
}
