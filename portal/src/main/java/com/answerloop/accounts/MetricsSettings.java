package com.answerloop.accounts;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where metrics may be scraped from without signing in.
 *
 * @param scrapeFrom IP addresses or CIDR networks (e.g. {@code 10.0.0.0/8}) of the Prometheus servers; behind a
 *     reverse proxy set {@code server.forward-headers-strategy} so the client's address is compared, not the proxy's
 */
@ConfigurationProperties("answerloop.metrics")
record MetricsSettings(
        @DefaultValue({"127.0.0.1/32", "::1/128"}) List<String> scrapeFrom) {}
