package com.answerloop.shared.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keys in the database, so every node of a cluster sees them: claimed when a submission starts, completed with its
 * response, released when it failed. Each statement commits on its own, so a claim is visible to a retry arriving on
 * another node while the first is still running.
 */
@Component
class IdempotencyRecords {

    enum State {
        RUNNING,
        DONE
    }

    /** A stored key: its submission's fingerprint and, once done, the response to replay. */
    record Entry(String fingerprint, State state, int status, String location, String contentType, String body) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotencyRecords(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims the key for a new submission; false when it is already claimed or done. */
    boolean claim(String id, String fingerprint) {
        try {
            jdbc.update(
                    "insert into idempotency_keys (id, fingerprint, state, created_at) values (?, ?, ?, ?)",
                    id,
                    fingerprint,
                    State.RUNNING.name(),
                    Timestamp.from(clock.instant()));
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    Optional<Entry> find(String id) {
        List<Entry> found = jdbc.query(
                "select fingerprint, state, status, location, content_type, body from idempotency_keys where id = ?",
                (rs, row) -> new Entry(
                        rs.getString(1),
                        State.valueOf(rs.getString(2)),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)),
                id);
        return found.stream().findFirst();
    }

    void complete(String id, int status, String location, String contentType, String body) {
        jdbc.update(
                "update idempotency_keys set state = ?, status = ?, location = ?, content_type = ?, body = ? where id = ?",
                State.DONE.name(),
                status,
                location,
                contentType,
                body,
                id);
    }

    /** The submission failed or is not one to remember: a retry may run it again. */
    void release(String id) {
        jdbc.update("delete from idempotency_keys where id = ? and state = ?", id, State.RUNNING.name());
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "idempotency-purge", lockAtLeastFor = "PT5M")
    void purge() {
        jdbc.update(
                "delete from idempotency_keys where created_at < ?",
                Timestamp.from(clock.instant().minus(IdempotencyRule.KEPT_FOR)));
    }
}
