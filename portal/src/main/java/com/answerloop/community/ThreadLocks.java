package com.answerloop.community;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Repository;

/**
 * The lock order of every write to a thread: the thread's row first, then its posts, comments, votes and ledger lines.
 * Without it, fifty people answering, commenting and voting on one thread deadlocked: each insert of a post or vote
 * takes a shared lock on the row it refers to (the foreign key check), and the update of the thread's counters then
 * waits for the others' shared locks while they wait for its. Taking the thread's row for update before anything else
 * makes writers on one thread queue instead (a few milliseconds each), and the counters are computed from fresh rows.
 * A {@code @Repository}, so a lock wait timeout becomes a {@code ConcurrencyFailureException} that is retried.
 */
@Repository
class ThreadLocks {

    @PersistenceContext
    private EntityManager entityManager;

    /** Locks the thread's row for this transaction and reloads it, so what is written back starts from its newest state. */
    void lock(ForumThread thread) {
        // plain SQL: Hibernate's MySQL dialect writes "for update of <alias>", which MariaDB refuses
        entityManager
                .createNativeQuery("select id from community_threads where id = ? for update")
                .setParameter(1, thread.id())
                .getSingleResult();
        entityManager.refresh(thread);
    }

    /** {@link #lock(ForumThread)}, then reloads a post of it (its score or state may have changed while waiting). */
    void lock(ForumThread thread, Post post) {
        lock(thread);
        entityManager.refresh(post);
    }
}
