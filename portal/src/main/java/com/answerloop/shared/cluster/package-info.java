/**
 * Cluster mode (the {@code cluster} profile): scheduled jobs that must run once per cluster take a ShedLock lock on
 * the shared database; sessions live there too (Spring Session JDBC). {@link
 * com.answerloop.shared.cluster.ExclusiveRuns} keeps a task to one run at a time, across the nodes or, on one node,
 * within the JVM.
 */
package com.answerloop.shared.cluster;
