package com.answerloop.shared.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.h2.Driver;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class StoredHistoryTests {

    private final JdbcClient jdbc = JdbcClient.create(
            new SimpleDriverDataSource(new Driver(), "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));

    @Test
    void theOldestRowIsTheEarliestOfAnyTableAndNothingWhileTheTablesAreEmpty() {
        jdbc.sql("CREATE TABLE votes (created_at TIMESTAMP)").update();
        jdbc.sql("CREATE TABLE flags (created_at TIMESTAMP)").update();
        String[] minimums = {"SELECT MIN(created_at) FROM votes", "SELECT MIN(created_at) FROM flags"};

        assertThat(StoredHistory.oldest(jdbc, minimums)).isEmpty();

        jdbc.sql("INSERT INTO flags VALUES (?)")
                .param(Timestamp.from(Instant.parse("2026-12-03T10:00:00Z")))
                .update();
        assertThat(StoredHistory.oldest(jdbc, minimums)).contains(Instant.parse("2026-12-03T10:00:00Z"));

        jdbc.sql("INSERT INTO votes VALUES (?)")
                .param(Timestamp.from(Instant.parse("2026-12-01T08:00:00Z")))
                .update();
        assertThat(StoredHistory.oldest(jdbc, minimums)).contains(Instant.parse("2026-12-01T08:00:00Z"));
    }

    @Test
    void eventsAreReplayedEarliestFirstAndThoseOfOneInstantInTheGivenOrder() {
        StoredHistory history = new StoredHistory();
        Instant noon = Instant.parse("2026-12-07T12:00:00Z");
        history.add(noon, "solved");
        history.add(noon.minusSeconds(60), "earlier");
        history.add(noon, "opened");

        List<Object> replayed = new ArrayList<>();
        history.replay(Comparator.comparingInt(event -> event.equals("opened") ? 0 : 1), r -> replayed.add(r.event()));

        assertThat(replayed).containsExactly("earlier", "opened", "solved");
    }
}
