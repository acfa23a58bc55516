package com.answerloop.knowledge;

import com.answerloop.shared.history.StoredHistory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored "Was this helpful?" answers and article publications read back, with the time each happened, for a module
 * that rebuilds its figures from them (the analytics module). A reader's vote is stored once per article: voting again
 * replaced it, so the replay gives the latest vote at the time it was given.
 */
@Component
public class ArticleEventLog {

    /** A version of an article was published: what {@link ArticlePublished} said, without the rendered article. */
    public record Publication(long articleId, int version) {}

    private final JdbcClient jdbc;

    ArticleEventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When the oldest stored vote was given, if any is stored. */
    public Optional<Instant> oldestVote() {
        return StoredHistory.oldest(jdbc, "SELECT MIN(created_at) FROM article_feedback");
    }

    /** When the oldest stored publication happened, if any is stored. */
    public Optional<Instant> oldestPublication() {
        return StoredHistory.oldest(jdbc, "SELECT MIN(published_at) FROM article_publications");
    }

    /**
     * Hands every {@link ArticleRated} and {@link Publication} that happened from {@code from} (inclusive) to
     * {@code until} (exclusive) to {@code events}, in the order they happened.
     */
    public void replay(Instant from, Instant until, Consumer<StoredHistory.Replayed> events) {
        StoredHistory all = new StoredHistory();
        jdbc.sql("""
                        SELECT f.article_id, a.slug, f.helpful, f.comment, f.created_at
                        FROM article_feedback f JOIN articles a ON a.id = f.article_id
                        WHERE f.created_at >= ? AND f.created_at < ?""").params(Timestamp.from(from), Timestamp.from(until)).query(rs -> {
            all.add(
                    rs.getTimestamp(5).toInstant(),
                    new ArticleRated(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4) != null));
        });
        jdbc.sql("""
                        SELECT article_id, version, published_at FROM article_publications
                        WHERE published_at >= ? AND published_at < ?""").params(Timestamp.from(from), Timestamp.from(until)).query(rs -> {
            all.add(rs.getTimestamp(3).toInstant(), new Publication(rs.getLong(1), rs.getInt(2)));
        });
        all.replay(events);
    }
}
