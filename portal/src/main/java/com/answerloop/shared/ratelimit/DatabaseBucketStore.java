package com.answerloop.shared.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.util.function.Supplier;

/**
 * Buckets in the shared database ({@code cluster} profile): a sign-in failure or a post counted on one node counts
 * on every node. Each take of a token is one short transaction on the bucket's row.
 */
class DatabaseBucketStore implements BucketStore {

    private static final int PURGE_BATCH = 1_000;

    private final DatabaseBuckets buckets;

    DatabaseBucketStore(DatabaseBuckets buckets) {
        this.buckets = buckets;
    }

    @Override
    public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
        return buckets.builder().build(key, configuration);
    }

    @Override
    public int removeExpired() {
        int removed = 0;
        int batch;
        do {
            batch = buckets.removeExpired(PURGE_BATCH);
            removed += batch;
        } while (batch == PURGE_BATCH);
        return removed;
    }
}
