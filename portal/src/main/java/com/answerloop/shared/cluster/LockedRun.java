package com.answerloop.shared.cluster;

import java.time.Instant;
import java.util.Optional;

/**
 * What became of a task asked to run under a lock (see {@link ExclusiveRuns}): it ran, or it was refused because
 * another run held the lock.
 */
public sealed interface LockedRun<T> {

    /** The task ran and returned {@code result}. */
    record Done<T>(T result) implements LockedRun<T> {}

    /**
     * The task did not run: another run held the lock. {@code holder} is empty when that run ended between the refusal
     * and the look-up.
     */
    record Refused<T>(Optional<Holder> holder) implements LockedRun<T> {}

    /**
     * Who holds a lock, as far as the lock records it.
     *
     * @param node the node that took it ({@code answerloop.cluster.node-id}), or {@link #THIS_NODE} without the cluster
     *     profile
     * @param since when it was taken (the database's clock in a cluster)
     */
    record Holder(String node, Instant since) {

        static final String THIS_NODE = "this node";

        /** "node a-1" or "this node", for messages. */
        public String where() {
            return node.equals(THIS_NODE) ? THIS_NODE : "node " + node;
        }
    }
}
