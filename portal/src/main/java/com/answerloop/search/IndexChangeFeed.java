package com.answerloop.search;

/**
 * Tells the portal's other nodes that a document changed, so that each writes it into its own index. A single node
 * has no one to tell ({@link #NONE}); the cluster profile sends through RabbitMQ ({@link RabbitIndexChangeFeed}).
 */
interface IndexChangeFeed {

    IndexChangeFeed NONE = (type, id) -> {};

    /**
     * Announces a change of the document of this type and id, after this node wrote it. Throws when the change could
     * not be handed over: the event being handled then fails and is delivered again, so no node misses it.
     */
    void announce(String type, long id);
}
