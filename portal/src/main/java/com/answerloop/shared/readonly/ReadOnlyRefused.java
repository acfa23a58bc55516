package com.answerloop.shared.readonly;

/** A write that arrived in read-only mode; answered 503 with {@code Retry-After} by {@link ReadOnlyAdvice}. */
class ReadOnlyRefused extends RuntimeException {

    ReadOnlyRefused() {
        super("Read-only mode");
    }
}
