package com.answerloop.search;

import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces a change as an {@link IndexChanged} event, which Spring Modulith externalises to the other nodes after
 * the commit ({@link RabbitIndexTransport}). The callers are event listeners, each in its own transaction, so the
 * announcement is stored with their work and leaves only if that commits: the other nodes then read what this node
 * wrote, the passage embeddings above all, instead of computing them again. Outside a transaction it opens one, since
 * an event published without one would never be externalised.
 */
class ExternalisedIndexChangeFeed implements IndexChangeFeed {

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final String nodeId;
    private final Clock clock;

    ExternalisedIndexChangeFeed(
            ApplicationEventPublisher events, TransactionTemplate transactions, String nodeId, Clock clock) {
        this.events = events;
        this.transactions = transactions;
        this.nodeId = nodeId;
        this.clock = clock;
    }

    @Override
    public void announce(String type, long id) {
        IndexChanged change = new IndexChanged(type, id, nodeId, clock.instant());
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            events.publishEvent(change);
        } else {
            transactions.executeWithoutResult(tx -> events.publishEvent(change));
        }
    }
}
