package com.answerloop.knowledge;

import com.answerloop.shared.cluster.LockedRun;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;

/**
 * The kb-content import a starting portal runs, once per cluster: nodes started together share one database, so the
 * first takes the {@code kb-content-import-at-start} lock and imports, and the others skip it and get the articles
 * into their own index from the first node's index changes (or their rebuild from the database). The lock is kept for
 * two minutes after it was taken, so a node starting a little later does not import the same files again. On one node
 * (no cluster profile) the annotation does nothing. The import itself then still waits its turn like any other
 * ({@link OneImportAtATime}).
 */
@Component
class ImportAtStart {

    private final ArticleManagement articles;

    ImportAtStart(ArticleManagement articles) {
        this.articles = articles;
    }

    /**
     * The import's result or refusal, or empty when another node started with it (ShedLock then returns empty).
     */
    @SchedulerLock(name = "kb-content-import-at-start", lockAtLeastFor = "PT2M")
    public Optional<LockedRun<ImportResult>> run() {
        return Optional.of(articles.importContent("startup"));
    }
}
