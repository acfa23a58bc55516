package com.answerloop.search;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.EventExternalizationTransport;

/**
 * Spring Modulith's externalisation transport for {@link IndexChanged}: "type:id" to the index exchange as a
 * persistent message, done only once the broker confirmed it (publisher confirms). A send the broker did not take
 * completes exceptionally, so the registry keeps the publication incomplete and delivers it again. (Modulith's own
 * AMQP module does the same send without the confirm; it is not served by this project's registry either.)
 */
class RabbitIndexTransport implements EventExternalizationTransport {

    static final String ORIGIN = "answerloop-origin";
    private static final long CONFIRM_TIMEOUT_MS = 5_000;

    private final RabbitTemplate rabbit;

    RabbitIndexTransport(RabbitTemplate rabbit) {
        this.rabbit = rabbit;
    }

    @Override
    public CompletableFuture<?> externalize(Object payload, RoutingTarget target) {
        if (!(payload instanceof IndexChanged change)) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("not an index change: " + payload.getClass()));
        }
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_TEXT_PLAIN);
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setHeader(ORIGIN, change.origin());
        properties.setTimestamp(Date.from(change.at()));
        Message message = new Message((change.type() + ":" + change.id()).getBytes(StandardCharsets.UTF_8), properties);
        try {
            rabbit.invoke(operations -> {
                operations.send(target.getTarget(), "", message);
                operations.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
                return null;
            });
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
