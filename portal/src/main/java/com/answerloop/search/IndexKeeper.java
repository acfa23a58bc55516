package com.answerloop.search;

import com.answerloop.shared.PortalSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Owns the portal's search index for the application's life: opens it under {@code ${answerloop.data-dir}/index},
 * rebuilds it in the background from the owning modules when it is missing, corrupt, outdated, lost while running or
 * on an admin's request, and closes it on shutdown. Searches keep being served during a rebuild.
 */
@Component
class IndexKeeper implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IndexKeeper.class);

    /** What a rebuild is doing or last did, for the admin page and the health endpoint. */
    record RebuildStatus(
            boolean running, int done, int total, String reason, Instant started, Instant finished, String error) {

        /** Public: the admin page's template calls it (SpEL finds only public methods). */
        public int percent() {
            return total <= 0 ? (running ? 0 : 100) : Math.min(100, done * 100 / total);
        }
    }

    private final SearchIndex index;
    private final Synonyms synonyms;
    private final SearchEngine engine;
    private final List<DocumentSource> sources;
    private final Phrasings phrasings;
    private final SearchSettings settings;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private volatile String reason;
    private volatile Instant started;
    private volatile Instant finished;
    private volatile String error;
    private volatile IndexOnDisk.Found foundAtStart;

    /**
     * Keys that live changes wrote or removed while a rebuild runs. The rebuild read its documents at its start, so
     * its copies of these are older: it must neither overwrite them nor delete them as stale. Guarded by
     * {@link #writes} together with the index write it describes.
     */
    private final Set<String> changedDuringRebuild = new HashSet<>();

    private final Object writes = new Object();

    private final Object damageChecks = new Object();
    private volatile Instant verifiedUntil = Instant.MIN;
    private volatile Instant nextRecoveryAttempt = Instant.MIN;
    private int failedRebuilds;

    /** Whether searches also find by meaning, and if not why: for the log and /actuator/health. */
    private final String semanticStatus;

    String semanticStatus() {
        return semanticStatus;
    }

    /** The document vectors, read back by content hash where possible; {@code null} when searching by words only. */
    private final PassageEmbeddings passageEmbeddings;

    PassageEmbeddings passageEmbeddings() {
        return passageEmbeddings;
    }

    IndexKeeper(PortalSettings portal, SearchSettings settings, List<DocumentSource> sources) {
        this(portal, settings, sources, EmbeddingStore.NONE);
    }

    IndexKeeper(PortalSettings portal, SearchSettings settings, List<DocumentSource> sources, EmbeddingStore store) {
        this(portal, settings, sources, store, Phrasings.NONE);
    }

    @Autowired
    IndexKeeper(
            PortalSettings portal,
            SearchSettings settings,
            List<DocumentSource> sources,
            EmbeddingStore store,
            Phrasings phrasings) {
        this.settings = settings;
        this.sources = sources;
        this.phrasings = phrasings;
        Path dataDir = portal.dataDir();
        this.synonyms = new Synonyms(
                settings.synonymsFile() != null ? settings.synonymsFile() : dataDir.resolve("synonyms.txt"));
        this.index = new SearchIndex(dataDir.resolve("index"), Ranking.DEFAULT.similarity(), settings.refreshMillis());
        SemanticMode semantic = SemanticMode.of(settings.semantic());
        this.semanticStatus = semantic.status();
        this.passageEmbeddings = semantic.embedInto(index, store);
        this.foundAtStart = index.open();
        this.engine = new SearchEngine(
                index,
                synonyms::queryAnalyzer,
                Ranking.DEFAULT,
                settings.exactCountsUpTo(),
                semantic.query(),
                semantic.fusion());
        index.onLost(() -> rebuild("index directory lost", true));
        index.onSearchFailure(this::replaceIfDamaged);
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfNeeded() {
        if (foundAtStart == IndexOnDisk.Found.CURRENT) {
            // opening reads only the index's headers: damaged bytes inside a file show up when every byte is read
            Thread.ofVirtual().name("search-index-verify").start(() -> replaceIfDamaged(null));
        } else if (settings.rebuildOnStart()) {
            rebuild(
                    foundAtStart == IndexOnDisk.Found.OTHER_VECTORS
                            ? "passage vectors of another embedding model: writing every document again"
                            : "index "
                                    + foundAtStart
                                            .name()
                                            .toLowerCase(java.util.Locale.ROOT)
                                            .replace('_', ' ') + " at start",
                    false);
        }
    }

    /**
     * Heals the index without an operator: reopens a writer that Lucene closed after a failure (a full disk) and
     * writes everything again, or finishes a rebuild that failed, with growing pauses while the cause persists.
     */
    @Scheduled(fixedDelay = 2_000, initialDelay = 2_000)
    void heal() {
        if (running.get() || Instant.now().isBefore(nextRecoveryAttempt)) {
            return;
        }
        if (index.writerClosedOverDamage()) {
            // a merge read damaged bytes: a rewrite in place would keep the damaged segment, and searches that read
            // it would fail until the rewrite ended, so start from an empty index, as a failed search's check does
            replaceDamaged(index.writerProblem());
        } else if (index.writerClosed()) {
            rebuild("recovering: " + index.writerProblem(), false);
        } else if (!index.isComplete() && error != null) {
            rebuild("completing the index after a failed rebuild (" + error + ")", false);
        }
    }

    /**
     * Checks every byte of the index when a search failed (or at start): a damaged index is replaced by an empty one
     * at once, rebuilt from the database in the background, and the search is answered from it with a "results may
     * be incomplete" notice instead of an error.
     *
     * @return whether the index was damaged and has been replaced
     */
    private boolean replaceIfDamaged(Exception searchFailure) {
        synchronized (damageChecks) {
            if (searchFailure != null && Instant.now().isBefore(verifiedUntil)) {
                return false; // verified moments ago: this failure has another cause
            }
            try {
                index.verifyIntegrity();
                verifiedUntil = Instant.now().plusSeconds(30);
                return false;
            } catch (IOException | RuntimeException damage) {
                if (running.get()) {
                    return false;
                }
                replaceDamaged(damage.toString());
                return true;
            }
        }
    }

    /** Replaces a damaged index by an empty one at once and rebuilds it from the database in the background. */
    private void replaceDamaged(String damage) {
        log.error("Search index is damaged ({}); replacing it and rebuilding from the database", damage);
        synchronized (writes) {
            index.reset();
            changedDuringRebuild.clear();
        }
        rebuild("index damaged: " + damage, false);
    }

    @Scheduled(fixedDelay = 5_000, initialDelay = 5_000)
    void reloadSynonyms() {
        synonyms.reloadIfChanged();
    }

    /**
     * Starts a background rebuild unless one is running. With {@code reset} the index is emptied first (it was lost
     * or corrupt); otherwise every document is rewritten in place and stale ones removed, so results stay complete.
     *
     * @return whether a rebuild was started
     */
    boolean rebuild(String why, boolean reset) {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        done.set(0);
        total = 0;
        reason = why;
        started = Instant.now();
        finished = null;
        error = null;
        Thread.ofVirtual().name("search-index-rebuild").start(() -> runRebuild(reset));
        return true;
    }

    private void runRebuild(boolean reset) {
        log.info("Search index rebuild started: {}", reason);
        try {
            if (index.writerClosed()) {
                index.reopen(); // a rebuild into a writer Lucene has closed would fail on its first document
            }
            if (reset) {
                synchronized (writes) {
                    index.reset();
                    changedDuringRebuild.clear(); // the reset removed those changes too: the rebuild restores them
                }
            }
            List<SearchDocument> documents = new ArrayList<>();
            for (DocumentSource source : sources) {
                source.all().forEach(documents::add);
            }
            total = documents.size();
            Set<String> keys = new HashSet<>();
            int skipped = 0;
            for (SearchDocument document : documents) {
                // One document Lucene (or the model) refuses must not cost every other document its place.
                try {
                    SearchIndex.Prepared prepared = index.prepare(withPhrasings(document));
                    synchronized (writes) {
                        if (!changedDuringRebuild.contains(document.key())) {
                            index.update(prepared);
                        }
                    }
                } catch (RuntimeException e) {
                    skipped++;
                    log.warn("Search index rebuild skipped {}: {}", document.key(), e.toString());
                }
                keys.add(document.key());
                done.incrementAndGet();
            }
            for (String stale : keysInIndex()) {
                synchronized (writes) {
                    if (!keys.contains(stale) && !changedDuringRebuild.contains(stale)) {
                        index.delete(stale);
                    }
                }
            }
            index.markComplete();
            index.commit();
            index.refresh(); // complete results now; the merge below only makes them faster
            index.compact();
            index.commit();
            index.refresh();
            log.info(
                    "Search index rebuild finished: {} documents in {} ms ({} skipped); passages embedded since start:"
                            + " {} computed, {} read back by content hash",
                    total,
                    Duration.between(started, Instant.now()).toMillis(),
                    skipped,
                    passageEmbeddings == null ? 0 : passageEmbeddings.computed(),
                    passageEmbeddings == null ? 0 : passageEmbeddings.reused());
            failedRebuilds = 0;
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            long pause = Math.min(30, 2L << Math.min(failedRebuilds++, 8));
            nextRecoveryAttempt = Instant.now().plusSeconds(pause);
            log.error("Search index rebuild failed; trying again in {} s", pause, e);
        } finally {
            finished = Instant.now();
            synchronized (writes) {
                changedDuringRebuild.clear();
                running.set(false);
            }
        }
    }

    /**
     * A live change (a document published, edited or hidden): written at once, kept safe from a running rebuild, and
     * on disk when this returns. The event that asked for it is marked complete only then, so a crash before the
     * commit leaves the event to be delivered again instead of losing the change.
     */
    void update(SearchDocument document) {
        SearchIndex.Prepared prepared = index.prepare(withPhrasings(document));
        SearchIndex.Change change;
        synchronized (writes) {
            if (running.get()) {
                changedDuringRebuild.add(document.key());
            }
            change = index.update(prepared);
        }
        index.makeDurable(change);
    }

    /**
     * The content hashes of every passage the documents have now, as a rebuild would embed them; for deleting stored
     * embeddings nothing needs ({@link EmbeddingCleanup}). Nothing is embedded.
     */
    Set<String> passageHashesInUse() {
        Set<String> hashes = new HashSet<>();
        for (DocumentSource source : sources) {
            source.all()
                    .forEach(document -> Passages.of(withPhrasings(document)).stream()
                            .map(PassageEmbeddings::hash)
                            .forEach(hashes::add));
        }
        return hashes;
    }

    /** The document with how people ask for it (learned phrasings), as it is written into the index. */
    private SearchDocument withPhrasings(SearchDocument document) {
        List<String> learned = phrasings.of(document.key());
        return learned.isEmpty() ? document : document.withPhrasings(learned);
    }

    /** A live removal, which a running rebuild must not undo with its older copy; on disk when this returns. */
    void delete(String key) {
        SearchIndex.Change change;
        synchronized (writes) {
            if (running.get()) {
                changedDuringRebuild.add(key);
            }
            change = index.delete(key);
        }
        index.makeDurable(change);
    }

    private List<String> keysInIndex() {
        return index.search(searcher -> {
            List<String> keys = new ArrayList<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        keys.add(stored.document(doc, Set.of(IndexSchema.KEY)).get(IndexSchema.KEY));
                    }
                }
            }
            return keys;
        });
    }

    boolean isRebuilding() {
        return running.get();
    }

    /** Whether a search may miss documents: a rebuild is running, or the last one did not get to the end. */
    boolean resultsMayBeIncomplete() {
        return running.get() || !index.isComplete();
    }

    RebuildStatus status() {
        return new RebuildStatus(running.get(), done.get(), total, reason, started, finished, error);
    }

    SearchIndex index() {
        return index;
    }

    SearchEngine engine() {
        return engine;
    }

    Synonyms synonyms() {
        return synonyms;
    }

    @Override
    public void destroy() {
        index.close();
    }
}
