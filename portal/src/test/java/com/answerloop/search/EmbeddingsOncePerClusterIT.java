package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.support.Content;
import com.answerloop.support.MariaDb;
import com.answerloop.support.RequiresMariaDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A change is embedded once per cluster, on MariaDB and RabbitMQ as production runs them, through the portal's own
 * announcement (Spring Modulith externalising {@link IndexChanged}): node A (this portal, cluster profile) writes an
 * article inside a listener's transaction (computing and storing the passage vectors) and announces it; node B (a
 * queue bound to the index exchange, applying each change as soon as it arrives) reads A's vectors from the database
 * instead of running the model again. An announcement sent before the commit reached B while A's vectors were still
 * uncommitted, and B computed every passage a second time.
 */
@RequiresMariaDb
@SpringBootTest(
        properties = {
            "answerloop.cluster.node-id=embeddings-once-it",
            "answerloop.content.import-on-start=false",
            "answerloop.cluster.queue-expiry=10s",
        })
@ActiveProfiles({"mysql", "cluster"})
// the suite's only context on the cluster profile: closed after the class, so its pool, queue listener and jobs do not
// stay for the rest of the run
@DirtiesContext
class EmbeddingsOncePerClusterIT {

    private static final Path dataDir = Content.temporaryDirectory("answerloop-embeddings-once");

    private static final List<String> PASSAGES =
            List.of("Reset your password from the sign-in page.", "An administrator can unlock a locked account.");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        MariaDb.register(registry, "answerloop_embeddings_once_it");
        registry.add("answerloop.data-dir", () -> dataDir.toString());
    }

    @Autowired
    IndexChangeFeed feed;

    @Autowired
    EmbeddingStore store;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ConnectionFactory broker;

    private RabbitAdmin admin;
    private Queue nodeB;

    @BeforeEach
    void nodeB() {
        admin = new RabbitAdmin(broker);
        nodeB = new AnonymousQueue();
        admin.declareQueue(nodeB);
        admin.declareBinding(BindingBuilder.bind(nodeB).to(new FanoutExchange(IndexFeedConfiguration.EXCHANGE)));
    }

    @AfterEach
    void removeNodeB() {
        admin.deleteQueue(nodeB.getName());
    }

    @Test
    void theNodeReceivingAChangeReadsTheWritersEmbeddingsInsteadOfComputingThem() throws Exception {
        AtomicInteger inferencesOnA = new AtomicInteger();
        AtomicInteger inferencesOnB = new AtomicInteger();
        PassageEmbeddings onA = new PassageEmbeddings("model-" + System.nanoTime(), counting(inferencesOnA), store);
        PassageEmbeddings onB = new PassageEmbeddings(onA.model(), counting(inferencesOnB), store);
        RabbitTemplate rabbit = new RabbitTemplate(broker);

        // node B applies a change the moment it arrives, as its listener does
        CompletableFuture<Long> applied = CompletableFuture.supplyAsync(() -> {
            Message message = rabbit.receive(nodeB.getName(), 60_000);
            assertThat(message).as("the change reaches B").isNotNull();
            assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("article:42");
            onB.of(PASSAGES);
            return onB.computed();
        });

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            onA.of(PASSAGES);
            feed.announce(ArticleDocuments.TYPE, 42);
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
