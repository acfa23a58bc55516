package com.answerloop.shared.ratelimit;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the rate limits into Spring MVC: every controller request passes {@link RateLimitInterceptor}. */
@Configuration
@EnableConfigurationProperties(RateLimitSettings.class)
class RateLimitConfiguration implements WebMvcConfigurer {

    private static final Duration MIN_IDLE = Duration.ofDays(1);

    private final RateLimitSettings settings;
    private final org.springframework.beans.factory.ObjectProvider<RateLimits> limits;

    RateLimitConfiguration(
            RateLimitSettings settings, org.springframework.beans.factory.ObjectProvider<RateLimits> limits) {
        this.settings = settings;
        this.limits = limits;
    }

    /**
     * In-memory buckets, unless the cluster profile provides the shared store. Kept idle for a day at least: the
     * sign-in throttle and posting limits keep their buckets here too, with periods of their own.
     */
    @Bean
    @ConditionalOnMissingBean(BucketStore.class)
    BucketStore localBucketStore(Clock clock) {
        Duration longest = RateLimits.longestPeriod(settings);
        return BucketStore.inMemory(longest.compareTo(MIN_IDLE) > 0 ? longest : MIN_IDLE, clock);
    }

    @Bean
    RateLimits rateLimits(BucketStore buckets) {
        return new RateLimits(settings, buckets);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RateLimitInterceptor(limits.getObject()));
    }
}
