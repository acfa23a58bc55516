package com.answerloop.search;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code searchIndex} health component: up with its document count; {@code DOWN} with a reason when the index
 * cannot be written or searched; {@code OUT_OF_SERVICE} while it is known to miss documents (a rebuild from empty is
 * running or failed). The portal heals both by itself ({@link IndexKeeper#heal()}); the reason says what it is doing.
 */
@Component
class SearchIndexHealthIndicator implements HealthIndicator {

    private final IndexKeeper keeper;

    SearchIndexHealthIndicator(IndexKeeper keeper) {
        this.keeper = keeper;
    }

    @Override
    public Health health() {
        try {
            IndexKeeper.RebuildStatus status = keeper.status();
            String writerProblem = keeper.index().writerProblem();
            Health.Builder health;
            if (writerProblem != null) {
                health = Health.down().withDetail("reason", writerProblem + "; the portal reopens it and reindexes");
            } else if (!keeper.index().isComplete()) {
                health = Health.outOfService()
                        .withDetail(
                                "reason",
                                status.running()
                                        ? "the index is being rebuilt and misses documents until it is done"
                                        : "the last rebuild failed (" + status.error() + "); retrying");
            } else {
                health = Health.up();
            }
            health.withDetail("documents", keeper.index().documentCount())
                    .withDetail("rebuilding", status.running())
                    .withDetail("path", keeper.index().path().toString())
                    // semantic search off is a degraded mode, not an outage: words still find everything
                    .withDetail("semantic", keeper.semanticStatus());
            PassageEmbeddings embeddings = keeper.passageEmbeddings();
            if (embeddings != null) {
                // in a cluster, "computed" counts this node's model runs: a change another node wrote is read back
                health.withDetail(
                        "passagesSinceStart",
                        embeddings.computed() + " embedded here, " + embeddings.reused()
                                + " read back from the database");
            }
            if (status.running()) {
                health.withDetail("rebuildProgress", status.done() + "/" + status.total());
            }
            if (status.error() != null) {
                health.withDetail("lastRebuildError", status.error());
            }
            return health.build();
        } catch (RuntimeException e) {
            return Health.down(e).build();
        }
    }
}
