package com.answerloop.shared.mail;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Where mail that is sent in the background (community notifications) waits for the SMTP server: two threads of its
 * own with a queue in front of them.
 *
 * <p>Why not the event listeners' threads: a slow or hanging mail server then held every listener thread, and search
 * index updates, analytics and moderation waited behind the mail. Here a mail server at its worst delays only mail.
 */
@Configuration(proxyBeanMethods = false)
public class MailDelivery {

    /** The executor name for {@code @Async}: {@code @Async(MailDelivery.EXECUTOR)}. */
    public static final String EXECUTOR = "mailDeliveryExecutor";

    @Bean(name = EXECUTOR)
    ThreadPoolTaskExecutor mailDeliveryExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setThreadNamePrefix("mail-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }
}
