package com.answerloop.analytics;

import com.answerloop.support.MariaDb;
import com.answerloop.support.RequiresMariaDb;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The effort and service-level figures on a fresh MariaDB database (the {@code mysql} profile). */
@RequiresMariaDb
@ActiveProfiles("mysql")
@TestPropertySource(properties = "answerloop.test.data-subdir=effort-mariadb")
class EffortInsightsMariaDbIT extends EffortInsightsIT {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        MariaDb.register(registry, "answerloop_effort_it");
    }
}
