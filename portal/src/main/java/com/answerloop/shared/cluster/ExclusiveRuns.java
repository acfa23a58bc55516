package com.answerloop.shared.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a task only while no other run holds the same named lock, and refuses it (without waiting) otherwise, telling
 * who holds the lock. With the cluster profile the lock is ShedLock's row in the shared {@code shedlock} table, so the
 * rule holds across nodes; without it (one node) the lock lives in this JVM.
 */
@Component
public class ExclusiveRuns {

    private final Optional<LockProvider> cluster;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, LockedRun.Holder> localHolders = new ConcurrentHashMap<>();

    ExclusiveRuns(ObjectProvider<LockProvider> lockProvider, JdbcTemplate jdbc, Clock clock) {
        this.cluster = Optional.ofNullable(lockProvider.getIfAvailable());
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Runs {@code task} if no run holds {@code lock}, else refuses it.
     *
     * @param lockAtMostFor in a cluster, how long the lock outlives a node that died while holding it
     */
    public <T> LockedRun<T> runAlone(String lock, Duration lockAtMostFor, Supplier<T> task) {
        return cluster.map(provider -> acrossNodes(provider, lock, lockAtMostFor, task))
                .orElseGet(() -> inThisJvm(lock, task));
    }

    private <T> LockedRun<T> acrossNodes(LockProvider provider, String lock, Duration lockAtMostFor, Supplier<T> task) {
        Optional<SimpleLock> taken =
                provider.lock(new LockConfiguration(clock.instant(), lock, lockAtMostFor, Duration.ZERO));
        if (taken.isEmpty()) {
            return new LockedRun.Refused<>(storedHolder(lock));
        }
        try {
            return new LockedRun.Done<>(task.get());
        } finally {
            taken.get().unlock();
        }
    }

    /** The holder as ShedLock stored it; {@code locked_at} is UTC (the provider uses the database's UTC clock). */
    private Optional<LockedRun.Holder> storedHolder(String lock) {
        return jdbc
                .query(
                        "SELECT locked_by, locked_at FROM shedlock WHERE name = ? AND lock_until > UTC_TIMESTAMP(3)",
                        (row, i) -> new LockedRun.Holder(
                                row.getString("locked_by"),
                                row.getTimestamp("locked_at").toLocalDateTime().toInstant(ZoneOffset.UTC)),
                        lock)
                .stream()
                .findFirst();
    }

    private <T> LockedRun<T> inThisJvm(String lock, Supplier<T> task) {
        LockedRun.Holder mine = new LockedRun.Holder(LockedRun.Holder.THIS_NODE, clock.instant());
        LockedRun.Holder holder = localHolders.putIfAbsent(lock, mine);
        if (holder != null) {
            return new LockedRun.Refused<>(Optional.of(holder));
        }
        try {
            return new LockedRun.Done<>(task.get());
        } finally {
            localHolders.remove(lock, mine);
        }
    }
}
