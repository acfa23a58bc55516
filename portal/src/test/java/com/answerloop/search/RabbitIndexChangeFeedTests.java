package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.Driver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An announcement the broker did not take fails the work that made the change, also when it waits for the commit: the
 * event's listener then fails and the event is delivered again, so no node misses the change.
 */
class RabbitIndexChangeFeedTests {

    private final CachingConnectionFactory nowhere = new CachingConnectionFactory("127.0.0.1", 1);
    private final IndexChangeFeed feed = new RabbitIndexChangeFeed(new RabbitTemplate(nowhere), "exchange", "node-a");

    @AfterEach
    void close() {
        nowhere.destroy();
    }

    @Test
    void aFailedAnnouncementOutsideATransactionThrows() {
        assertThatThrownBy(() -> feed.announce(ArticleDocuments.TYPE, 1)).isInstanceOf(AmqpException.class);
    }

    @Test
    void aFailedAnnouncementAfterTheCommitThrowsToWhoeverCommitted() {
        TransactionTemplate listener = new TransactionTemplate(new DataSourceTransactionManager(
                new SimpleDriverDataSource(new Driver(), "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")));
        AtomicBoolean announced = new AtomicBoolean();

        assertThatThrownBy(() -> listener.executeWithoutResult(status -> {
                    feed.announce(ArticleDocuments.TYPE, 1);
                    announced.set(true); // only registered: nothing is sent before the commit
                }))
                .isInstanceOf(AmqpException.class);
        org.assertj.core.api.Assertions.assertThat(announced).isTrue();
    }
}
