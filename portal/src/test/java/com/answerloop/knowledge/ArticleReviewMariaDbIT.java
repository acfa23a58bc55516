package com.answerloop.knowledge;

import com.answerloop.support.MariaDb;
import com.answerloop.support.RequiresMariaDb;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Review dates on MariaDB, as production runs them: the due list's date arithmetic, the editor's queue and verify
 * action, the readers' date and the weekly digest with its once-a-week row all run their SQL on the real server.
 */
@RequiresMariaDb
@ActiveProfiles("mysql")
@TestPropertySource(properties = "answerloop.test.data-subdir=mariadb")
class ArticleReviewMariaDbIT extends ArticleReviewIT {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        MariaDb.register(registry, "answerloop_article_review_it");
    }
}
