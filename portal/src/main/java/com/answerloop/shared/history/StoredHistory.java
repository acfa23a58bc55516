package com.answerloop.shared.history;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module's stored rows told again as the events they recorded, in the order they happened: what a module hands to
 * one that rebuilds its figures from them (the analytics rebuild). Each module reads its own tables; this holds what
 * every such history does alike.
 */
public final class StoredHistory {

    /** An event as stored, and when it happened. */
    public record Replayed(Instant at, Object event) {}

    private final List<Replayed> events = new ArrayList<>();

    /** When the oldest of these rows happened; each query selects one {@code MIN} of a time column. */
    public static Optional<Instant> oldest(JdbcClient jdbc, String... minimumQueries) {
        return Stream.of(minimumQueries)
                // MIN of no rows is one row holding NULL, which single() refuses unless wrapped
                .map(sql -> jdbc.sql(sql)
                        .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)))
                        .single())
                .flatMap(Optional::stream)
                .map(Timestamp::toInstant)
                .min(Comparator.naturalOrder());
    }

    public void add(Instant at, Object event) {
        events.add(new Replayed(at, event));
    }

    /**
     * Hands the events on, earliest first; events of the same instant in the order {@code sameInstant} gives (a case
     * is opened before it is solved, also within one instant), else as they were added.
     */
    public void replay(Comparator<Object> sameInstant, Consumer<Replayed> to) {
        events.sort(Comparator.comparing(Replayed::at).thenComparing(Replayed::event, sameInstant));
        events.forEach(to);
    }

    /** As {@link #replay(Comparator, Consumer)}, the events of one instant in the order they were added. */
    public void replay(Consumer<Replayed> to) {
        replay((a, b) -> 0, to);
    }
}
