package com.answerloop.browser;

import com.answerloop.support.RequiresMariaDb;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The help center journey on MariaDB/MySQL (the {@code mysql} profile) at 127.0.0.1:3306, in a
 * freshly created database. Skipped when no server listens there, unless
 * {@code ANSWERLOOP_TEST_MYSQL=required}, which makes that a failure.
 */
@RequiresMariaDb
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("mysql")
@ContextConfiguration(initializers = PortalInitializer.ShippedContentOnMariaDb.class)
class HelpCenterJourneyMariaDbIT extends HelpCenterJourney {}
