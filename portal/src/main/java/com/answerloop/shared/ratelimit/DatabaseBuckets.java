package com.answerloop.shared.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Bucket4j's select-for-update proxy manager on the {@code rate_limit_buckets} table of MySQL, MariaDB or H2 (MySQL
 * mode): a bucket's state is read under a row lock, changed by Bucket4j and written back in one transaction, so nodes
 * sharing the database share every bucket. Bucket4j's own MySQL module is not published for the Bucket4j release
 * the portal uses; this is the extension point that module fills, with the same three statements.
 */
class DatabaseBuckets extends AbstractSelectForUpdateBasedProxyManager<String> {

    private final DataSource dataSource;
    private final ExpirationAfterWriteStrategy expiration;

    DatabaseBuckets(DataSource dataSource, ClientSideConfig config, ExpirationAfterWriteStrategy expiration) {
        super(config.withExpirationAfterWriteStrategy(expiration));
        this.dataSource = dataSource;
        this.expiration = expiration;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    public void removeProxy(String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM rate_limit_buckets WHERE id = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not remove rate-limit bucket " + key, e);
        }
    }

    /** Deletes up to {@code batch} buckets whose state expired (full again); returns how many. */
    int removeExpired(int batch) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM rate_limit_buckets WHERE expires_at < ? LIMIT " + batch)) {
            delete.setLong(1, System.currentTimeMillis());
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not remove expired rate-limit buckets", e);
        }
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("No database connection for rate-limit bucket " + key, e);
        }
        return new Transaction(connection, key);
    }

    private final class Transaction implements SelectForUpdateBasedTransaction {

        private final Connection connection;
        private final String key;

        Transaction(Connection connection, String key) {
            this.connection = connection;
            this.key = key;
        }

        @Override
        public void begin(Optional<Long> timeoutNanos) {
            run(() -> connection.setAutoCommit(false));
        }

        @Override
        public LockAndGetResult tryLockAndGet(Optional<Long> timeoutNanos) {
            return call(() -> {
                try (PreparedStatement select =
                        connection.prepareStatement("SELECT state FROM rate_limit_buckets WHERE id = ? FOR UPDATE")) {
                    applyTimeout(select, timeoutNanos);
                    select.setString(1, key);
                    try (ResultSet row = select.executeQuery()) {
                        return row.next() ? LockAndGetResult.locked(row.getBytes(1)) : LockAndGetResult.notLocked();
                    }
                }
            });
        }

        @Override
        public boolean tryInsertEmptyData(Optional<Long> timeoutNanos) {
            return call(() -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT IGNORE INTO rate_limit_buckets (id, state, expires_at) VALUES (?, NULL, NULL)")) {
                    applyTimeout(insert, timeoutNanos);
                    insert.setString(1, key);
                    return insert.executeUpdate() > 0;
                }
            });
        }

        @Override
        public void update(byte[] data, RemoteBucketState state, Optional<Long> timeoutNanos) {
            run(() -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE rate_limit_buckets SET state = ?, expires_at = ? WHERE id = ?")) {
                    applyTimeout(update, timeoutNanos);
                    update.setBytes(1, data);
                    long now = currentTimeNanos();
                    long ttl = expiration.calculateTimeToLiveMillis(state, now);
                    update.setLong(2, System.currentTimeMillis() + Math.max(0, ttl));
                    update.setString(3, key);
                    update.executeUpdate();
                }
            });
        }

        @Override
        public void commit(Optional<Long> timeoutNanos) {
            run(connection::commit);
        }

        @Override
        public void rollback() {
            run(connection::rollback);
        }

        @Override
        public void release() {
            run(connection::close);
        }
    }

    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    private interface SqlRun {
        void run() throws SQLException;
    }

    private static <T> T call(SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new IllegalStateException("Rate-limit bucket statement failed", e);
        }
    }

    private static void run(SqlRun run) {
        call(() -> {
            run.run();
            return null;
        });
    }
}
