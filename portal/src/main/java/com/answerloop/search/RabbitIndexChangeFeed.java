package com.answerloop.search;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes "type:id" to the index exchange as a persistent message, and returns only once the broker confirmed it
 * (publisher confirms): a change the broker did not take makes the event's listener fail, and the event is delivered
 * again later. Inside a transaction (an event's listener) it publishes once that transaction committed: the other
 * nodes then read what it wrote, the passage embeddings above all, instead of computing them again. A failed publish
 * still fails the listener: the commit's after-commit callbacks throw to it, and the event publication registry marks
 * an event complete only after that.
 */
class RabbitIndexChangeFeed implements IndexChangeFeed {

    static final String ORIGIN = "answerloop-origin";
    private static final long CONFIRM_TIMEOUT_MS = 5_000;

    private final RabbitTemplate rabbit;
    private final String exchange;
    private final String nodeId;

    RabbitIndexChangeFeed(RabbitTemplate rabbit, String exchange, String nodeId) {
        this.rabbit = rabbit;
        this.exchange = exchange;
        this.nodeId = nodeId;
    }

    @Override
    public void announce(String type, long id) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish(type, id);
                }
            });
        } else {
            publish(type, id);
        }
    }

    private void publish(String type, long id) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_TEXT_PLAIN);
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setHeader(ORIGIN, nodeId);
        // when the change was written here: the receiving nodes measure the propagation delay from it
        properties.setTimestamp(new Date());
        Message message = new Message((type + ":" + id).getBytes(StandardCharsets.UTF_8), properties);
        rabbit.invoke(operations -> {
            operations.send(exchange, "", message);
            operations.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
            return null;
        });
    }
}
