package com.answerloop.shared.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Listeners that hand over further listeners when they commit. With Spring Boot's throttled executor, six such
 * listeners each waited for a free slot that only they could free, and the portal hung (CommunityModerationIT
 * stopped for good after an answer's announcement handed over its notification mails).
 */
class ListenerExecutionTests {

    @Test
    void listenersThatHandOverMoreListenersWhileEverySlotIsTakenAllFinish() throws InterruptedException {
        int threads = 6;
        ThreadPoolTaskExecutor executor = new ListenerExecution()
                .applicationTaskExecutor(
                        new EventDeliverySettings(Duration.ofSeconds(10), Duration.ofMinutes(30), threads));
        executor.initialize();
        try {
            CountDownLatch allRunning = new CountDownLatch(threads);
            CountDownLatch followUpsDone = new CountDownLatch(threads);
            for (int i = 0; i < threads; i++) {
                executor.execute(() -> {
                    allRunning.countDown();
                    await(allRunning); // every slot is taken now
                    executor.execute(followUpsDone::countDown); // what a listener's commit does
                });
            }
            // a deadlock never finishes; the bound only keeps a regression from hanging the build
            assertThat(followUpsDone.await(30, TimeUnit.SECONDS))
                    .as("every follow-up listener ran")
                    .isTrue();
        } finally {
            executor.shutdown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
