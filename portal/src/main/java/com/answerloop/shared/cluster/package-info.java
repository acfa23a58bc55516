/**
 * Cluster mode (the {@code cluster} profile): scheduled jobs that must run once per cluster take a ShedLock lock on
 * the shared database; sessions live there too (Spring Session JDBC).
 */
package com.answerloop.shared.cluster;
