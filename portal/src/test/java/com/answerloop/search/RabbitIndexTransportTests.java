package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.Driver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two halves of announcing an index change: the feed publishes the event inside a transaction (an event published
 * without one would never be externalised), and the transport reports a send the broker did not take as failed, so
 * the event registry keeps the publication and delivers it again.
 */
class RabbitIndexTransportTests {

    private final CachingConnectionFactory nowhere = new CachingConnectionFactory("127.0.0.1", 1);

    @AfterEach
    void close() {
        nowhere.destroy();
    }

    @Test
    void aSendTheBrokerDidNotTakeCompletesExceptionally() {
        RabbitIndexTransport transport = new RabbitIndexTransport(new RabbitTemplate(nowhere));

        var sent = transport.externalize(
                new IndexChanged(ArticleDocuments.TYPE, 1, "node-a", Instant.now()),
                RoutingTarget.forTarget(IndexFeedConfiguration.EXCHANGE).withoutKey());

        assertThat(sent).isCompletedExceptionally();
        assertThat(sent.exceptionNow()).isInstanceOf(AmqpException.class);
    }

    @Test
    void aChangeAnnouncedOutsideATransactionIsPublishedInsideOne() {
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(
                new SimpleDriverDataSource(new Driver(), "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")));
        List<Boolean> publishedInATransaction = new ArrayList<>();
        List<Object> published = new ArrayList<>();
        IndexChangeFeed feed = new ExternalisedIndexChangeFeed(
                event -> {
                    published.add(event);
                    publishedInATransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
                },
                transactions,
                "node-a",
                Clock.systemUTC());

        feed.announce(ArticleDocuments.TYPE, 7);
        transactions.executeWithoutResult(status -> feed.announce(ThreadDocuments.TYPE, 8));

        assertThat(publishedInATransaction).containsExactly(true, true);
        assertThat(published)
                .extracting(e -> ((IndexChanged) e).type() + ":" + ((IndexChanged) e).id())
                .containsExactly("article:7", "thread:8");
    }
}
