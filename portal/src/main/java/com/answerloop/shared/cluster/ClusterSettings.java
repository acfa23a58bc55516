package com.answerloop.shared.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Cluster mode's settings ({@code answerloop.cluster.*}, cluster profile only).
 *
 * @param nodeId this node's stable name: names its own queue of index changes, so it must survive restarts
 */
@ConfigurationProperties("answerloop.cluster")
public record ClusterSettings(String nodeId) {}
