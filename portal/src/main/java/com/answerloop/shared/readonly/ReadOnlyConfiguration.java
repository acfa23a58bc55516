package com.answerloop.shared.readonly;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the read-only gate in front of the data source and the write guard in front of every controller. */
@Configuration(proxyBeanMethods = false)
class ReadOnlyConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<ReadOnlyMode> mode;

    ReadOnlyConfiguration(ObjectProvider<ReadOnlyMode> mode) {
        this.mode = mode;
    }

    @Bean
    static BeanPostProcessor readOnlyDataSourceGate(ObjectProvider<ReadOnlyMode> mode) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource pool && !(bean instanceof GatedDataSource)
                        ? new GatedDataSource(pool, mode)
                        : bean;
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ReadOnlyGuard(mode.getObject()));
    }
}
