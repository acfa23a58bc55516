package com.answerloop.search;

/**
 * Tells the portal's other nodes that a document changed, so that each writes it into its own index. A single node
 * has no one to tell ({@link #NONE}); the cluster profile sends through RabbitMQ ({@link ExternalisedIndexChangeFeed}).
 */
interface IndexChangeFeed {

    IndexChangeFeed NONE = (type, id) -> {};

    /**
     * Announces a change of the document of this type and id, after this node wrote it: with the work of the current
     * transaction, so it leaves only if that commits, and is delivered again until the other nodes' broker took it.
     */
    void announce(String type, long id);
}
