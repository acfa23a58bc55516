package com.answerloop.shared.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Where asynchronous event listeners run: a fixed number of threads with a queue in front of them.
 *
 * <p>Why a fixed number: each listener needs a database connection, and unbounded, an import's burst of events took
 * every pooled connection, so listeners and page requests failed after the connection timeout.
 *
 * <p>Why a queue and not Spring Boot's throttled executor ({@code spring.task.execution.simple.concurrency-limit}):
 * that one makes the thread that hands over a task wait for a free slot. A listener's own commit hands over the next
 * listeners (an answer's announcement leads to notification mails), so six listeners waiting for a slot that only
 * they could free hung the portal. Here handing over never waits; the work waits in the queue, and the event
 * publication registry keeps what a crash leaves undone for redelivery.
 */
@Configuration(proxyBeanMethods = false)
class ListenerExecution {

    @Bean(name = {"applicationTaskExecutor", "taskExecutor"})
    ThreadPoolTaskExecutor applicationTaskExecutor(EventDeliverySettings settings) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(settings.listenerThreads());
        executor.setMaxPoolSize(settings.listenerThreads());
        executor.setThreadNamePrefix("listener-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }
}
