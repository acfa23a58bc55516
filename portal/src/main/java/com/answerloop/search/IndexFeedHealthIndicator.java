package com.answerloop.search;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The {@code indexFeed} health component (cluster profile): {@code OUT_OF_SERVICE} with "catching up" while the
 * changes other nodes made while this one was down still wait in its queue, so the balancer sends no searches here
 * before its index is current; up after that. A broker that is away does not take the node out: its own changes still
 * reach its index, the others' wait in the broker and arrive when it is back (the detail says so). A node whose queue
 * was new at start is "catching up" until its rebuild from the database is done ({@link IndexFeedCatchUp}).
 */
@Component
@Profile("cluster")
class IndexFeedHealthIndicator implements HealthIndicator {

    private final AmqpAdmin admin;
    private final Queue queue;
    private final IndexFeedListener listener;
    private final IndexFeedCatchUp catchUp;
    private volatile boolean caughtUp;

    IndexFeedHealthIndicator(
            AmqpAdmin admin, Queue indexFeedQueue, IndexFeedListener listener, IndexFeedCatchUp catchUp) {
        this.admin = admin;
        this.queue = indexFeedQueue;
        this.listener = listener;
        this.catchUp = catchUp;
    }

    @Override
    public Health health() {
        if (catchUp.catchingUp()) {
            return Health.outOfService()
                    .withDetail(
                            "reason",
                            "catching up: rebuilding the index from the database (its queue was "
                                    + catchUp.found()
                                    + " at start, so it holds none of the changes made before)")
                    .withDetail("queue", queue.getName())
                    .build();
        }
        QueueInformation info;
        try {
            info = admin.getQueueInfo(queue.getName());
        } catch (RuntimeException e) {
            return Health.up()
                    .withDetail("queue", queue.getName())
                    .withDetail("broker", "unreachable (" + e.getMessage() + "); other nodes' changes wait for it")
                    .build();
        }
        long waiting = info == null ? 0 : info.getMessageCount();
        if (!caughtUp && waiting > 0) {
            return Health.outOfService()
                    .withDetail("reason", "catching up: " + waiting + " index changes from other nodes to apply")
                    .withDetail("queue", queue.getName())
                    .build();
        }
        caughtUp = true;
        Health.Builder health = Health.up().withDetail("queue", queue.getName()).withDetail("waiting", waiting);
        if (listener.lastApplied() != null) {
            health.withDetail("lastApplied", listener.lastApplied().toString());
        }
        return health.build();
    }
}
