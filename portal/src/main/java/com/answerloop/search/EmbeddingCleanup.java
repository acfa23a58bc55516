package com.answerloop.search;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the stored passage embeddings bounded: every edit stores the vectors of its new passage texts, and the old
 * ones would stay for ever (1.6 KB each). Once a week, and in a cluster on one node, the vectors no document's current
 * passages need are deleted, as are those of another model. Nothing is deleted while semantic search is off (it may be
 * turned on again) or while a rebuild runs.
 */
@Component
class EmbeddingCleanup {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingCleanup.class);

    private final IndexKeeper keeper;
    private final EmbeddingStore store;
    private final Clock clock;

    EmbeddingCleanup(IndexKeeper keeper, EmbeddingStore store, Clock clock) {
        this.keeper = keeper;
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(cron = "${answerloop.search.semantic.cleanup-cron:0 40 3 * * SUN}")
    @SchedulerLock(name = "search-embedding-cleanup", lockAtMostFor = "PT2H")
    void weekly() {
        try {
            removeUnused();
        } catch (RuntimeException e) {
            log.warn("Deleting unused passage embeddings failed; trying again next week: {}", e.toString());
        }
    }

    /** Deletes the stored embeddings nothing needs; returns how many. */
    int removeUnused() {
        PassageEmbeddings embeddings = keeper.passageEmbeddings();
        if (embeddings == null || keeper.isRebuilding()) {
            return 0;
        }
        // vectors stored from now on may belong to an edit made while the documents are read: they stay
        Instant started = clock.instant();
        Set<String> inUse = keeper.passageHashesInUse();
        int deleted = store.deleteUnused(embeddings.model(), inUse, started);
        log.info("Deleted {} stored passage embeddings no document needs ({} in use)", deleted, inUse.size());
        return deleted;
    }
}
