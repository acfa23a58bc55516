package com.answerloop.shared.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cluster mode's settings ({@code answerloop.cluster.*}, cluster profile only).
 *
 * @param nodeId this node's stable name: names its own queue of index changes, so it must survive restarts
 * @param queueExpiry how long the broker keeps a node's queue once no node reads it: a node gone for good stops
 *     collecting changes after that; a node that comes back later rebuilds its index from the database instead
 */
@ConfigurationProperties("answerloop.cluster")
public record ClusterSettings(
        String nodeId, @DefaultValue("24h") Duration queueExpiry) {}
