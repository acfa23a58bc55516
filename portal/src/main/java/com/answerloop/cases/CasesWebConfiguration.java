package com.answerloop.cases;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Watches site searches so the contact form knows what the visitor already looked for. */
@Configuration(proxyBeanMethods = false)
class CasesWebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RecentSearches()).addPathPatterns("/search", "/api/v1/search");
    }
}
