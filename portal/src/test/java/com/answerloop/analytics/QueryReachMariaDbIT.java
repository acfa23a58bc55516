package com.answerloop.analytics;

import com.answerloop.support.MariaDb;
import com.answerloop.support.RequiresMariaDb;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The remembered queries on MariaDB, where a dashboard's read-only transaction refuses writes (H2 does not). */
@RequiresMariaDb
@ActiveProfiles("mysql")
@TestPropertySource(properties = "answerloop.test.data-subdir=query-reach-mariadb")
class QueryReachMariaDbIT extends QueryReachIT {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        MariaDb.register(registry, "answerloop_query_reach_it");
    }
}
