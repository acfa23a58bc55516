package com.answerloop.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests can move forward, to see links expire without waiting. */
class MutableClock extends Clock {

    private final Instant frozenAt;
    private volatile Duration offset = Duration.ZERO;

    /** Follows the system clock, plus whatever the test advanced it by. */
    MutableClock() {
        this(null);
    }

    /** Stands still at {@code frozenAt} until advanced (for unit tests that compare exact durations). */
    MutableClock(Instant frozenAt) {
        this.frozenAt = frozenAt;
    }

    void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return (frozenAt == null ? Instant.now() : frozenAt).plus(offset);
    }
}
