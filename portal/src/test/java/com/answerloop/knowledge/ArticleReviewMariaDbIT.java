package com.answerloop.knowledge;

import com.answerloop.support.Content;
import com.answerloop.support.MariaDb;
import com.answerloop.support.RequiresMariaDb;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Review dates on MariaDB, as production runs them: the due list's date arithmetic, the editor's queue and verify
 * action, the readers' date and the weekly digest with its once-a-week row all run their SQL on the real server.
 */
@RequiresMariaDb
@ActiveProfiles("mysql")
class ArticleReviewMariaDbIT extends ArticleReviewIT {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        MariaDb.register(registry, "answerloop_article_review_it");
        // its own index, apart from the H2 run's
        registry.add(
                "answerloop.data-dir",
                () -> Content.temporaryDirectory("answerloop-review-mariadb-data")
                        .toString());
    }
}
