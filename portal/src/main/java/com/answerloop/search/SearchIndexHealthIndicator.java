package com.answerloop.search;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** The {@code searchIndex} health component: up with its document count, and whether a rebuild is running. */
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
            Health.Builder health = Health.up()
                    .withDetail("documents", keeper.index().documentCount())
                    .withDetail("rebuilding", status.running())
                    .withDetail("path", keeper.index().path().toString());
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
