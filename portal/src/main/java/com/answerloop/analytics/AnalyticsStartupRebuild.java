package com.answerloop.analytics;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The command-line way to rebuild: start the portal with {@code --answerloop.analytics.rebuild-on-start=true}; the
 * rebuild runs before the portal reports ready, and logs its progress.
 */
@Component
@ConditionalOnBooleanProperty("answerloop.analytics.rebuild-on-start")
class AnalyticsStartupRebuild implements ApplicationRunner {

    private final AnalyticsRebuild rebuild;

    AnalyticsStartupRebuild(AnalyticsRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Override
    public void run(ApplicationArguments args) {
        rebuild.run();
    }
}
