package com.answerloop.shared.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Where the token buckets live: every limit of the portal (request rate limits, the sign-in throttle, posting and
 * voting limits) keeps its counters here. One node keeps them in memory ({@link LocalBucketStore}); the
 * {@code cluster} profile swaps in {@link DatabaseBucketStore}, whose rows on the shared database every node sees.
 */
public interface BucketStore {

    /** The bucket for this key, created with the configuration on first use. */
    Bucket bucket(String key, Supplier<BucketConfiguration> configuration);

    /** Forgets buckets that are full again, so the store stays bounded; returns how many went. */
    default int removeExpired() {
        return 0;
    }

    /** Buckets in this process's memory, reading time from the clock (tests move it). */
    static BucketStore inMemory(Duration idleAfter, Clock clock) {
        return new LocalBucketStore(idleAfter, timeOf(clock));
    }

    /** Bucket4j's view of a clock, to the nanosecond the clock gives. */
    static TimeMeter timeOf(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
