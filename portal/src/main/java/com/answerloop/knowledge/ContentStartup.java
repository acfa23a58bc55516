package com.answerloop.knowledge;

import com.answerloop.shared.cluster.LockedRun;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Imports kb-content when the portal starts. With {@code --import-only} it imports, prints the
 * summary and exits: status 0 when every file imported, 2 when some were skipped, 1 when another import was running
 * (see {@link OneImportAtATime}).
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
            int status = switch (articles.importContent("command-line")) {
                case LockedRun.Done<ImportResult> done -> {
                    ImportResult result = done.result();
                    result.problems().forEach(problem -> System.out.println("SKIPPED " + problem));
                    System.out.println("Import finished: " + result.summary());
                    yield result.failed() == 0 ? 0 : 2;
                }
                case LockedRun.Refused<ImportResult> refused -> {
                    System.out.println(OneImportAtATime.refusal(refused));
                    yield 1;
                }
            };
            System.exit(SpringApplication.exit(context, () -> status));
        }
        if (settings.importOnStart()) {
            try {
                Optional<LockedRun<ImportResult>> run = importAtStart.run();
                if (run.isEmpty()) {
                    log.info("kb-content import at start skipped: another node of the cluster is running it");
                } else if (run.get() instanceof LockedRun.Refused<ImportResult> refused) {
                    log.info("kb-content import at start skipped: {}", OneImportAtATime.refusal(refused));
                }
            } catch (RuntimeException e) {
                // The portal still serves what is stored; the admin page shows the next attempt.
                log.error("kb-content import at startup failed", e);
            }
        }
    }
}
