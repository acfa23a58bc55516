package com.answerloop.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Analytics settings.
 *
 * @param retention how long visitor hashes and per-question rows are kept; daily aggregates are kept
 * @param flushMs how often queued counts are written, in one batch
 * @param minQueryVisitors a search query is listed on a dashboard only when at least this many distinct visitors typed
 *     it (a request subject: this many requests)
 * @param popularRefresh how long the home page's "most read by customers" answer is reused before it is counted again
 */
@ConfigurationProperties("answerloop.analytics")
record AnalyticsSettings(
        @DefaultValue("90d") Duration retention,
        @DefaultValue("1000") long flushMs,
        @DefaultValue("2") long minQueryVisitors,
        @DefaultValue("1m") Duration popularRefresh) {}
