package com.answerloop.knowledge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Imports kb-content when the portal starts. With {@code --import-only} it imports, prints the
 * summary and exits: status 0 when every file imported, 2 when some were skipped.
 */
@Component
class ContentStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ContentStartup.class);

    private final ArticleManagement articles;
    private final ImportAtStart importAtStart;
    private final ContentSettings settings;
    private final ConfigurableApplicationContext context;

    ContentStartup(
            ArticleManagement articles,
            ImportAtStart importAtStart,
            ContentSettings settings,
            ConfigurableApplicationContext context) {
        this.articles = articles;
        this.importAtStart = importAtStart;
        this.settings = settings;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.importOnly()) {
            ImportResult result = articles.importContent("command-line");
            result.problems().forEach(problem -> System.out.println("SKIPPED " + problem));
            System.out.println("Import finished: " + result.summary());
            int status = result.failed() == 0 ? 0 : 2;
            System.exit(SpringApplication.exit(context, () -> status));
        }
        if (settings.importOnStart()) {
            try {
                if (importAtStart.run().isEmpty()) {
                    log.info("kb-content import at start skipped: another node of the cluster is running it");
                }
            } catch (RuntimeException e) {
                // The portal still serves what is stored; the admin page shows the next attempt.
                log.error("kb-content import at startup failed", e);
            }
        }
    }
}
