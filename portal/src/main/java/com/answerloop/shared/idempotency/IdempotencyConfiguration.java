package com.answerloop.shared.idempotency;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/** Puts {@link IdempotencyTokens} around the page's request data value processor (Spring Security's CSRF one). */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    @Bean
    static BeanPostProcessor idempotencyTokensInForms() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof RequestDataValueProcessor processor && !(bean instanceof IdempotencyTokens)
                        ? new IdempotencyTokens(processor)
                        : bean;
            }
        };
    }
}
