package com.answerloop.shared.ratelimit;

import java.time.Duration;

/** A request over one of the rate limits; says how long until it would be allowed. */
class RateLimitExceeded extends RuntimeException {

    private final transient Duration retryAfter;

    RateLimitExceeded(Duration retryAfter) {
        super("Too many requests");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, rounded up, at least one (the value of {@code Retry-After}). */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
