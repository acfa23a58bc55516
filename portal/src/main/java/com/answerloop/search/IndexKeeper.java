package com.answerloop.search;

import com.answerloop.shared.PortalSettings;
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

        int percent() {
            return total <= 0 ? (running ? 0 : 100) : Math.min(100, done * 100 / total);
        }
    }

    private final SearchIndex index;
    private final Synonyms synonyms;
    private final SearchEngine engine;
    private final List<DocumentSource> sources;
    private final SearchSettings settings;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private volatile String reason;
    private volatile Instant started;
    private volatile Instant finished;
    private volatile String error;
    private volatile SearchIndex.Found foundAtStart;

    /**
     * Keys that live changes wrote or removed while a rebuild runs. The rebuild read its documents at its start, so
     * its copies of these are older: it must neither overwrite them nor delete them as stale. Guarded by
     * {@link #writes} together with the index write it describes.
     */
    private final Set<String> changedDuringRebuild = new HashSet<>();

    private final Object writes = new Object();

    IndexKeeper(PortalSettings portal, SearchSettings settings, List<DocumentSource> sources) {
        this.settings = settings;
        this.sources = sources;
        Path dataDir = portal.dataDir();
        this.synonyms = new Synonyms(
                settings.synonymsFile() != null ? settings.synonymsFile() : dataDir.resolve("synonyms.txt"));
        this.index = new SearchIndex(dataDir.resolve("index"), Ranking.DEFAULT.similarity(), settings.refreshMillis());
        this.foundAtStart = index.open();
        this.engine = new SearchEngine(index, synonyms::queryAnalyzer, Ranking.DEFAULT, settings.exactCountsUpTo());
        index.onLost(() -> rebuild("index directory lost", true));
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfNeeded() {
        if (foundAtStart != SearchIndex.Found.CURRENT && settings.rebuildOnStart()) {
            rebuild(
                    "index "
                            + foundAtStart
                                    .name()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .replace('_', ' ') + " at start",
                    false);
        }
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
            for (SearchDocument document : documents) {
                synchronized (writes) {
                    if (!changedDuringRebuild.contains(document.key())) {
                        index.update(document);
                    }
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
            index.commit();
            index.refresh(); // complete results now; the merge below only makes them faster
            index.compact();
            index.commit();
            index.refresh();
            log.info(
                    "Search index rebuild finished: {} documents in {} ms",
                    total,
                    Duration.between(started, Instant.now()).toMillis());
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.error("Search index rebuild failed", e);
        } finally {
            finished = Instant.now();
            synchronized (writes) {
                changedDuringRebuild.clear();
                running.set(false);
            }
        }
    }

    /** A live change (a document published, edited or hidden): written at once, and kept safe from a running rebuild. */
    void update(SearchDocument document) {
        synchronized (writes) {
            if (running.get()) {
                changedDuringRebuild.add(document.key());
            }
            index.update(document);
        }
    }

    /** A live removal, which a running rebuild must not undo with its older copy. */
    void delete(String key) {
        synchronized (writes) {
            if (running.get()) {
                changedDuringRebuild.add(key);
            }
            index.delete(key);
        }
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
