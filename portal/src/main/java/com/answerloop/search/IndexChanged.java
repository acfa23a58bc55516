package com.answerloop.search;

import java.time.Instant;
import org.springframework.modulith.events.Externalized;

/**
 * A document was written into this node's index (cluster profile). Spring Modulith's event externalisation sends it
 * to the index exchange ({@link IndexFeedConfiguration}) once the transaction that published it has committed, as a
 * publication of the event registry: one the broker did not take is delivered again, like any failed event. Public
 * only because the registry stores and reads it back; no other module listens to it.
 *
 * @param origin the node that wrote it, which skips its own change when the fanout brings it back
 * @param at when it was written here: the other nodes measure the propagation delay from it
 */
@Externalized(IndexFeedConfiguration.EXCHANGE)
public record IndexChanged(String type, long id, String origin, Instant at) {}
