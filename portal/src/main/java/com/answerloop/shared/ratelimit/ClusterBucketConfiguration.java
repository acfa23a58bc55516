package com.answerloop.shared.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The {@code cluster} profile's bucket store: every node takes tokens from the same rows of the shared database. */
@Configuration
@Profile("cluster")
class ClusterBucketConfiguration {

    /** A bucket's row may go once the bucket would be full again, and a minute later for clock skew between nodes. */
    private static final Duration KEEP_AFTER_FULL = Duration.ofMinutes(1);

    @Bean
    BucketStore databaseBucketStore(DataSource dataSource, Clock clock) {
        return new DatabaseBucketStore(new DatabaseBuckets(
                dataSource,
                ClientSideConfig.getDefault().withClientClock(BucketStore.timeOf(clock)),
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL)));
    }
}
