package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.support.PortalProcess;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * How a starting node tells, on a real RabbitMQ, whether its queue kept the changes made while it was away: the queue
 * is there, or it is new because it never existed or expired (a 2 s expiry here), or an earlier release declared it
 * without the expiry and it is replaced.
 */
class IndexFeedCatchUpIT {

    private final String name = "answerloop.index.catch-up-it-" + Long.toString(System.nanoTime(), 36);
    private final Queue queue = QueueBuilder.durable(name).expires(2_000).build();
    private CachingConnectionFactory broker;
    private RabbitAdmin admin;

    @BeforeEach
    void broker() {
        broker = new CachingConnectionFactory("127.0.0.1", 5672);
        admin = new RabbitAdmin(broker);
        try {
            admin.getQueueInfo(name);
        } catch (RuntimeException e) {
            broker.destroy();
            Assumptions.abort("no RabbitMQ on 127.0.0.1:5672: " + e.getMessage());
        }
    }

    @AfterEach
    void removeQueue() {
        admin.deleteQueue(name);
        broker.destroy();
    }

    @Test
    void aQueueThatIsThereExistedOneThatExpiredIsNew() {
        assertThat(IndexFeedCatchUp.check(broker.getRabbitConnectionFactory(), queue))
                .isEqualTo(IndexFeedCatchUp.Found.NEW);
        admin.declareQueue(queue);
        assertThat(IndexFeedCatchUp.check(broker.getRabbitConnectionFactory(), queue))
                .isEqualTo(IndexFeedCatchUp.Found.EXISTED);

        // nobody reads it: the broker removes it after its expiry (a look at the queue renews it, so look rarely)
        assertThat(expiresWithin(Duration.ofSeconds(60)))
                .as("the queue expires")
                .isTrue();
        assertThat(IndexFeedCatchUp.check(broker.getRabbitConnectionFactory(), queue))
                .isEqualTo(IndexFeedCatchUp.Found.NEW);
    }

    private boolean expiresWithin(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            PortalProcess.pause(Duration.ofSeconds(3));
            if (admin.getQueueInfo(name) == null) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aQueueDeclaredWithoutTheExpiryIsReplaced() {
        admin.declareQueue(new Queue(name, true));
        assertThat(IndexFeedCatchUp.check(broker.getRabbitConnectionFactory(), queue))
                .isEqualTo(IndexFeedCatchUp.Found.REPLACED);
        assertThat(admin.getQueueInfo(name))
                .as("deleted, for Spring to declare it again")
                .isNull();
    }

    @Test
    void aBrokerThatCannotBeAskedIsUnknown() {
        CachingConnectionFactory nowhere = new CachingConnectionFactory("127.0.0.1", 1);
        try {
            assertThat(IndexFeedCatchUp.check(nowhere.getRabbitConnectionFactory(), queue))
                    .isEqualTo(IndexFeedCatchUp.Found.UNKNOWN);
        } finally {
            nowhere.destroy();
        }
    }
}
