package com.answerloop.shared.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Two nodes' stores on one database (H2 in MySQL mode, with the portal's migration) share every bucket. */
class DatabaseBucketStoreTests {

    private final DriverManagerDataSource database = new DriverManagerDataSource(
            "jdbc:h2:mem:buckets-" + System.nanoTime() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "sa",
            "");

    private final Supplier<BucketConfiguration> fivePerHour = () -> BucketConfiguration.builder()
            .addLimit(Bandwidth.builder()
                    .capacity(5)
                    .refillGreedy(5, Duration.ofHours(1))
                    .build())
            .build();

    DatabaseBucketStoreTests() throws Exception {
        String migration = new ClassPathResource("db/migration/V22_1__cluster_sessions_locks_buckets.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        JdbcTemplate jdbc = new JdbcTemplate(database);
        for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                jdbc.execute(statement);
            }
        }
    }

    private BucketStore node(Duration keepAfterFull) {
        return new DatabaseBucketStore(new DatabaseBuckets(
                database,
                ClientSideConfig.getDefault().withClientClock(BucketStore.timeOf(Clock.systemUTC())),
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(keepAfterFull)));
    }

    @Test
    void tokensTakenOnOneNodeAreGoneOnTheOther() {
        BucketStore a = node(Duration.ofMinutes(1));
        BucketStore b = node(Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            BucketStore node = i % 2 == 0 ? a : b;
            assertThat(node.bucket("login|ada", fivePerHour).tryConsume(1)).isTrue();
        }
        assertThat(a.bucket("login|ada", fivePerHour).tryConsume(1)).isFalse();
        assertThat(b.bucket("login|ada", fivePerHour).tryConsume(1)).isFalse();
        assertThat(b.bucket("login|bob", fivePerHour).tryConsume(1)).isTrue();
    }

    @Test
    void removesOnlyBucketsThatAreFullAgain() throws InterruptedException {
        BucketStore node = node(Duration.ZERO);
        node.bucket("untouched", fivePerHour).getAvailableTokens();
        node.bucket("drained", fivePerHour).tryConsume(5);
        // a full bucket expires the millisecond it is written, and the purge takes rows whose expiry has passed: in the
        // same millisecond there is nothing to take yet (CI caught that, about once in many runs)
        Thread.sleep(5);
        // a bucket nobody took from is full: its row may go at once; the drained one must stay for its hour
        assertThat(node.removeExpired()).isEqualTo(1);
        assertThat(node.bucket("drained", fivePerHour).tryConsume(1)).isFalse();
    }
}
