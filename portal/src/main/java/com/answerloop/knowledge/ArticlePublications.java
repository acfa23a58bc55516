package com.answerloop.knowledge;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Stores each publication of an article in the transaction that published it, whichever way it was published
 * (approved, rolled back while published, imported): the history {@link ArticleEventLog} reads back.
 */
@Component
class ArticlePublications {

    private final JdbcClient jdbc;
    private final Clock clock;

    ArticlePublications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // before commit, so the publication and its record are written together or not at all
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ArticlePublished event) {
        jdbc.sql("INSERT INTO article_publications (article_id, version, published_at) VALUES (?, ?, ?)")
                .params(event.article().id(), event.article().version(), Timestamp.from(clock.instant()))
                .update();
    }
}
