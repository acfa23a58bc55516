package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.support.MariaDb;
import com.answerloop.support.RequiresMariaDb;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A change is embedded once per cluster, on MariaDB and RabbitMQ as production runs them: node A writes an article
 * inside its event listener's transaction (computing and storing the passage vectors) and announces it; node B, which
 * applies the announcement as soon as it arrives, reads A's vectors from the database instead of running the model
 * again. Before the announcement waited for the commit, B received it while A's vectors were still uncommitted, and
 * computed every passage a second time.
 */
@RequiresMariaDb
class EmbeddingsOncePerClusterIT {

    /** Not the portal's exchange: nodes of other test runs on this broker must not see these changes. */
    private static final String EXCHANGE = "answerloop.index.embeddings-it";

    private static final List<String> PASSAGES =
            List.of("Reset your password from the sign-in page.", "An administrator can unlock a locked account.");

    private CachingConnectionFactory broker;
    private RabbitAdmin admin;
    private Queue nodeB;
    private StoredEmbeddings store;
    private TransactionTemplate listenerTransaction;

    @BeforeEach
    void brokerAndDatabase() {
        broker = new CachingConnectionFactory("127.0.0.1", 5672);
        broker.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
        admin = new RabbitAdmin(broker);
        try {
            admin.declareExchange(new FanoutExchange(EXCHANGE, false, true));
        } catch (RuntimeException e) {
            Assumptions.assumeTrue(MariaDb.isRequired(), "no RabbitMQ on 127.0.0.1:5672: " + e.getMessage());
            throw e;
        }
        nodeB = new AnonymousQueue();
        admin.declareQueue(nodeB);
        admin.declareBinding(BindingBuilder.bind(nodeB).to(new FanoutExchange(EXCHANGE)));

        Map<String, Object> database = MariaDb.freshDatabase("answerloop_embeddings_once_it");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                (String) database.get("spring.datasource.url"),
                (String) database.get("spring.datasource.username"),
                (String) database.get("spring.datasource.password"));
        store = new StoredEmbeddings(
                StoredEmbeddingsTests.withEmbeddingsTable(JdbcClient.create(dataSource)), Clock.systemUTC());
        listenerTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterEach
    void removeQueue() {
        if (admin != null && nodeB != null) {
            admin.deleteQueue(nodeB.getName());
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void theNodeReceivingAChangeReadsTheWritersEmbeddingsInsteadOfComputingThem() throws Exception {
        AtomicInteger inferencesOnA = new AtomicInteger();
        AtomicInteger inferencesOnB = new AtomicInteger();
        PassageEmbeddings onA = new PassageEmbeddings("model", counting(inferencesOnA), store);
        PassageEmbeddings onB = new PassageEmbeddings("model", counting(inferencesOnB), store);
        RabbitTemplate rabbit = new RabbitTemplate(broker);
        IndexChangeFeed feedOfA = new RabbitIndexChangeFeed(rabbit, EXCHANGE, "node-a");

        // node B applies a change the moment it arrives, as its listener does
        CompletableFuture<Long> applied = CompletableFuture.supplyAsync(() -> {
            Message message = rabbit.receive(nodeB.getName(), 60_000);
            assertThat(message).as("the change reaches B").isNotNull();
            onB.of(PASSAGES);
            return onB.computed();
        });

        listenerTransaction.executeWithoutResult(status -> {
            onA.of(PASSAGES);
            feedOfA.announce(ArticleDocuments.TYPE, 42);
            try {
                // gives B the time to act on the change while A's transaction is open (it must not get it yet)
                applied.get(3, TimeUnit.SECONDS);
            } catch (TimeoutException expected) {
                // B has not applied it: it had not received it, or it waits for the rows A has not committed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        });

        assertThat(applied.get(90, TimeUnit.SECONDS))
                .as("passages the model embedded on B")
                .isZero();
        assertThat(inferencesOnB).hasValue(0);
        assertThat(inferencesOnA).hasValue(PASSAGES.size());
        assertThat(onB.reused()).isEqualTo(PASSAGES.size());
    }

    private static java.util.function.Function<String, float[]> counting(AtomicInteger inferences) {
        return text -> {
            inferences.incrementAndGet();
            return new float[] {text.length(), 1f};
        };
    }
}
