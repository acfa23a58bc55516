package com.answerloop.analytics;

import com.answerloop.support.MariaDb;
import com.answerloop.support.RequiresMariaDb;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** {@link KnowledgeAndCaptureRebuildIT} on a fresh MariaDB database (the {@code mysql} profile). Skipped without a server unless CI requires one. */
@RequiresMariaDb
@ActiveProfiles("mysql")
@TestPropertySource(properties = "answerloop.test.data-subdir=knowledgecapturerebuild-mariadb")
class KnowledgeAndCaptureRebuildMariaDbIT extends KnowledgeAndCaptureRebuildIT {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        MariaDb.register(registry, "answerloop_knowledge_capture_rebuild_it");
    }
}
