package com.answerloop.knowledge;

import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

/** kb-content import on the embedded H2 database. */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(
        properties = {
            "answerloop.content.import-on-start=false",
            "spring.datasource.url=jdbc:h2:mem:import;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
        })
class ContentImportIT extends ContentImportTests {}
