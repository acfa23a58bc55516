package com.answerloop.search;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Queue;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * How a node catches up with changes its queue does not hold (cluster profile). The queue holds every change made
 * while the node was down only if it existed all that time; a new queue (a new node, or one the broker removed after
 * {@code answerloop.cluster.queue-expiry} without a reader) holds none of them, so the node rebuilds its index from the
 * database and reports "catching up" until the rebuild is done. What the queue looked like is found at start, with a
 * short connection of its own, before Spring declares the queue (after that it always exists).
 */
class IndexFeedCatchUp {

    private static final Logger log = LoggerFactory.getLogger(IndexFeedCatchUp.class);

    /** What this node's queue was at start. */
    enum Found {
        /** It existed: the changes made meanwhile wait in it. */
        EXISTED,
        /** It did not exist: a new node, or its queue expired. */
        NEW,
        /** An earlier release declared it without an expiry; the broker cannot change that, so it was replaced. */
        REPLACED,
        /** The broker could not be asked. */
        UNKNOWN
    }

    private final Queue queue;
    private final Found found;
    private final IndexKeeper keeper;
    private volatile boolean rebuildStarted;

    IndexFeedCatchUp(Queue queue, ConnectionFactory broker, IndexKeeper keeper) {
        this.queue = queue;
        this.keeper = keeper;
        this.found = check(broker, queue);
        log.info("Queue of index changes {} at start: {}", queue.getName(), found);
    }

    /** Rebuilds once the queue exists and collects changes: a change made during the rebuild arrives through it. */
    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfTheQueueMissedChanges() {
        if (found != Found.EXISTED) {
            keeper.rebuild("catching up: queue " + queue.getName() + " was " + found + " at start", false);
            rebuildStarted = true;
        }
    }

    /** Whether the index still misses changes no queue kept: from start until the rebuild is done. */
    boolean catchingUp() {
        return found != Found.EXISTED && (!rebuildStarted || keeper.isRebuilding());
    }

    Found found() {
        return found;
    }

    Queue queue() {
        return queue;
    }

    static Found check(ConnectionFactory broker, Queue queue) {
        try (Connection connection = broker.newConnection("answerloop-queue-check")) {
            Channel passive = connection.createChannel();
            try {
                passive.queueDeclarePassive(queue.getName());
            } catch (IOException notFound) {
                return Found.NEW;
            }
            Channel declaring = connection.createChannel();
            try {
                // the same arguments as Spring's declaration: this also restarts the expiry's clock
                declaring.queueDeclare(queue.getName(), true, false, false, queue.getArguments());
                return Found.EXISTED;
            } catch (IOException otherArguments) {
                log.warn(
                        "Queue {} has other arguments than this release declares ({}); replacing it",
                        queue.getName(),
                        otherArguments.getCause() == null
                                ? otherArguments
                                : otherArguments.getCause().getMessage());
                connection.createChannel().queueDelete(queue.getName());
                return Found.REPLACED;
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            log.warn(
                    "Could not look at queue {} at start ({}); rebuilding the index to be safe",
                    queue.getName(),
                    e.toString());
            return Found.UNKNOWN;
        }
    }
}
