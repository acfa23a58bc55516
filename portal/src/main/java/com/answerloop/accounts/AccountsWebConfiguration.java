package com.answerloop.accounts;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Watches signed-in sessions for idle time, so sensitive actions after a pause ask for the password again. */
@Configuration(proxyBeanMethods = false)
class AccountsWebConfiguration implements WebMvcConfigurer {

    private final Reauthentication reauthentication;

    AccountsWebConfiguration(Reauthentication reauthentication) {
        this.reauthentication = reauthentication;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(reauthentication);
    }
}
