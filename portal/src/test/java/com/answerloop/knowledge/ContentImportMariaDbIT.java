package com.answerloop.knowledge;

import com.answerloop.support.MariaDb;
import com.answerloop.support.RequiresMariaDb;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** kb-content import on MariaDB through the mysql profile, with Flyway's real migrations. */
@RequiresMariaDb
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("mysql")
@TestPropertySource(properties = "answerloop.content.import-on-start=false")
class ContentImportMariaDbIT extends ContentImportTests {

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        MariaDb.register(registry, "answerloop_import_it");
    }
}
