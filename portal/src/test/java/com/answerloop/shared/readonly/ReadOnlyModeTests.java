package com.answerloop.shared.readonly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.answerloop.shared.health.DatabaseProbe;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * When the portal stops taking writes. CI saw a false alarm: on a loaded machine one probe missed its deadline, or
 * MariaDB answered "Too many connections", and the portal refused every write (and failed to start) although its
 * pool's connections worked.
 */
class ReadOnlyModeTests {

    private final DatabaseProbe probe = mock(DatabaseProbe.class);
    private final ReadOnlyMode mode = new ReadOnlyMode(probe, Clock.systemUTC());

    @Test
    void oneMissedProbeIsNotAnOutageButTwoInARowAre() {
        Health missed = Health.down()
                .withDetail("reason", "the database did not answer within 800 ms")
                .build();
        when(probe.check()).thenReturn(missed, Health.up().build(), missed, missed);

        mode.probe();
        assertThat(mode.active()).as("one slow probe").isFalse();
        mode.probe();
        mode.probe();
        assertThat(mode.active())
                .as("a success in between starts the count again")
                .isFalse();
        mode.probe();
        assertThat(mode.active()).as("two failed probes in a row").isTrue();
        assertThat(mode.health().getDetails().get("reason").toString()).contains("did not answer within 800 ms");
    }

    @Test
    void aServerThatRefusesWithTooManyConnectionsIsBusyNotGone() {
        // as MariaDB Connector/J reported it in the CI log
        var tooMany = new SQLNonTransientConnectionException("(conn=0) Too many connections", "08004", 1040);
        var inARequest = new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08004", tooMany));

        assertThat(DatabaseFailures.couldNotConnect(inARequest)).isFalse();
        assertThat(DatabaseFailures.unavailable(inARequest))
                .as("that request still gets a 503")
                .isTrue();
    }

    @Test
    void aRefusedConnectionIsAnOutage() {
        var refused = new SQLNonTransientConnectionException(
                "Socket fail to connect to host:address=(host=127.0.0.1)(port=3306)", "08000");
        assertThat(DatabaseFailures.couldNotConnect(
                        new CannotCreateTransactionException("Could not open JPA EntityManager", refused)))
                .isTrue();
    }
}
