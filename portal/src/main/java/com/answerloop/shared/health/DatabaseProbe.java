package com.answerloop.shared.health;

import com.answerloop.shared.readonly.DatabaseFailures;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Asks the database whether it answers, within {@link #LIMIT} whatever it does. Spring Boot's own check waited for
 * the pool's connection timeout, and {@code /actuator/health} took 17-30 s while MariaDB hung. The probe opens a
 * connection of its own (same URL and settings as the pool), so a pool whose connections are all busy under load
 * does not look like a database that is gone, and the read-only gate in front of the pool does not stop it from
 * seeing the database come back. A check still running is shared, not repeated, so frequent probes of a hung
 * database do not pile up.
 */
@Component
public class DatabaseProbe {

    static final Duration LIMIT = Duration.ofMillis(800);

    private final DataSource dataSource;
    private CompletableFuture<Health> running;

    DatabaseProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** {@code UP} with the product name, or {@code DOWN} with a {@code reason}; never takes longer than the limit. */
    public Health check() {
        CompletableFuture<Health> check = start();
        try {
            return check.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down()
                    .withDetail("reason", "the database did not answer within " + LIMIT.toMillis() + " ms")
                    .build();
        } catch (ExecutionException e) {
            return Health.down()
                    .withDetail("reason", String.valueOf(e.getCause()))
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    private synchronized CompletableFuture<Health> start() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(
                    this::query, runnable -> Thread.ofVirtual().name("db-probe").start(runnable));
        }
        return running;
    }

    private Health query() {
        try (Connection connection = connect()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return connection.isValid(2)
                    ? Health.up().withDetail("database", product).build()
                    : Health.down()
                            .withDetail("database", product)
                            .withDetail("reason", "the connection was not valid")
                            .build();
        } catch (SQLException e) {
            if (DatabaseFailures.tooManyConnections(e)) {
                // it answered: busy is not gone, and the pool's own connections still work
                return Health.up()
                        .withDetail("busy", "the database refused an extra connection: " + e.getMessage())
                        .build();
            }
            return Health.down()
                    .withDetail("reason", String.valueOf(e.getMessage()))
                    .build();
        }
    }

    private Connection connect() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            if (pool.getJdbcUrl() != null) {
                Properties properties = new Properties();
                properties.putAll(pool.getDataSourceProperties());
                if (pool.getUsername() != null) {
                    properties.setProperty("user", pool.getUsername());
                }
                if (pool.getPassword() != null) {
                    properties.setProperty("password", pool.getPassword());
                }
                return DriverManager.getConnection(pool.getJdbcUrl(), properties);
            }
        }
        DataSource target = dataSource instanceof DelegatingDataSource gated ? gated.getTargetDataSource() : dataSource;
        return target.getConnection();
    }
}
