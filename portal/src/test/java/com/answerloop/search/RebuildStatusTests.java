package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.expression.spel.standard.SpelExpressionParser;

/**
 * The admin search page shows a running rebuild's progress with {@code ${status.percent()}}; Thymeleaf evaluates that
 * with Spring's expression language, which finds only public methods (the page answered 500 during every rebuild).
 */
class RebuildStatusTests {

    @Test
    void theAdminPagesExpressionReadsARunningRebuildsProgress() {
        IndexKeeper.RebuildStatus halfway =
                new IndexKeeper.RebuildStatus(true, 50, 200, "requested", Instant.EPOCH, null, null);

        Object percent = new SpelExpressionParser().parseExpression("percent()").getValue(halfway);

        assertThat(percent).isEqualTo(25);
    }
}
