package com.answerloop.shared;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every module shares. */
@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    /** One clock for the whole application, so tests can control time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
