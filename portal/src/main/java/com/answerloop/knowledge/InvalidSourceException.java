package com.answerloop.knowledge;

/** A kb-content file that cannot be imported, with the line where the problem is. */
class InvalidSourceException extends Exception {

    private final int line;

    InvalidSourceException(int line, String reason) {
        super(reason);
        this.line = line;
    }

    InvalidSourceException(int line, String reason, Throwable cause) {
        super(reason, cause);
        this.line = line;
    }

    int line() {
        return line;
    }
}
