package com.answerloop.support;

import java.time.Duration;
import java.util.Arrays;
import org.awaitility.Awaitility;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Waits for what a portal does after a commit (index updates, notifications, mails) on its own threads: a test that
 * reads the result of that work, or measures its own work behind it, first lets the queue drain.
 */
public final class BackgroundWork {

    private BackgroundWork() {}

    /**
     * Waits until the executors have had nothing queued or running for half a second (a listener that finishes may
     * just have handed work to another executor), for at most ten minutes: the XSS corpus classes leave thousands of
     * index updates (each embedding new passages) in the shared context, and on two busy cores that took over three.
     */
    public static void awaitIdle(ThreadPoolTaskExecutor... executors) {
        Awaitility.await()
                .atMost(Duration.ofMinutes(10))
                .during(Duration.ofMillis(500))
                .until(() -> Arrays.stream(executors).allMatch(BackgroundWork::idle));
    }

    private static boolean idle(ThreadPoolTaskExecutor executor) {
        return executor.getQueueSize() == 0 && executor.getActiveCount() == 0;
    }
}
