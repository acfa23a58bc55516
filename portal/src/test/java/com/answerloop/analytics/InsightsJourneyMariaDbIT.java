package com.answerloop.analytics;

import com.answerloop.support.MariaDb;
import com.answerloop.support.RequiresMariaDb;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The insights journey on a fresh MariaDB database (the {@code mysql} profile): the upserts, {@code INSERT IGNORE} and
 * date arithmetic of the read models give the same figures as on H2. Skipped without a server unless CI requires one.
 */
@RequiresMariaDb
@ActiveProfiles("mysql")
@TestPropertySource(properties = "answerloop.test.data-subdir=insights-mariadb")
class InsightsJourneyMariaDbIT extends InsightsJourneyIT {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        MariaDb.register(registry, "answerloop_insights_it");
    }
}
