package com.answerloop.search;

import com.answerloop.shared.cluster.ClusterSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Applies the index changes other nodes announced (cluster profile): reads the document's current state from the
 * database and writes it into this node's index, like a local change. A change from this node itself was written
 * already. The message is acknowledged only after the write is on disk; a failure leaves it in the queue.
 */
@Component
@Profile("cluster")
class IndexFeedListener {

    private static final Logger log = LoggerFactory.getLogger(IndexFeedListener.class);

    private final ArticleIndexing articles;
    private final ThreadIndexing threads;
    private final String nodeId;
    private final Timer delay;
    private volatile Instant lastApplied;

    IndexFeedListener(ArticleIndexing articles, ThreadIndexing threads, ClusterSettings cluster, MeterRegistry meters) {
        this.articles = articles;
        this.threads = threads;
        this.nodeId = cluster.nodeId();
        this.delay = Timer.builder("answerloop.index.feed.delay")
                .description("From a change written on another node to this node's index write")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    @RabbitListener(queues = "#{indexFeedQueue.name}")
    void on(Message message) {
        if (nodeId.equals(message.getMessageProperties().getHeader(RabbitIndexTransport.ORIGIN))) {
            return;
        }
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        int colon = body.indexOf(':');
        long id;
        try {
            id = Long.parseLong(body.substring(colon + 1));
        } catch (RuntimeException e) {
            log.warn("Ignoring an index change that is not type:id: {}", body);
            return;
        }
        switch (body.substring(0, Math.max(colon, 0))) {
            case ArticleDocuments.TYPE -> articles.apply(id);
            case ThreadDocuments.TYPE -> threads.apply(id);
            default -> {
                log.warn("Ignoring an index change of an unknown type: {}", body);
                return;
            }
        }
        lastApplied = Instant.now();
        if (message.getMessageProperties().getTimestamp() != null) {
            delay.record(Duration.between(
                    message.getMessageProperties().getTimestamp().toInstant(), lastApplied));
        }
    }

    /** When this node last applied another node's change, or null. */
    Instant lastApplied() {
        return lastApplied;
    }
}
