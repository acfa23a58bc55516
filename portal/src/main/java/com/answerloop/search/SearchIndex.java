package com.answerloop.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.UsageTrackingQueryCachingPolicy;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index on disk: one {@link IndexWriter} for the index's life, near-real-time searchers from a
 * {@link SearcherManager} refreshed on a schedule (never per query), periodic commits carrying the schema version.
 * {@link #reset()} replaces a lost or corrupt index with an empty one while the portal keeps running.
 */
final class SearchIndex implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    /** What {@link #open()} found on disk. Anything but {@code CURRENT} means the index must be rebuilt. */
    enum Found {
        CURRENT,
        MISSING,
        OLD_SCHEMA,
        CORRUPT
    }

    private record Generation(Directory directory, IndexWriter writer, SearcherManager searchers) {}

    @FunctionalInterface
    interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private final Path path;
    /**
     * Lucene's usual choice of filters to cache, plus the visibility filter that nearly every search uses. Lucene never
     * caches single-term queries; reading the internal documents' postings again for every public search was 4 % of
     * its cost at 200,000 articles.
     */
    private static final QueryCachingPolicy CACHING = new UsageTrackingQueryCachingPolicy() {
        @Override
        public boolean shouldCache(Query query) throws IOException {
            return (query instanceof TermQuery term && term.getTerm().field().equals(IndexSchema.VISIBILITY))
                    || super.shouldCache(query);
        }
    };

    private final Similarity similarity;
    private final long refreshMillis;
    private final Object lifecycle = new Object();
    private volatile Generation current;
    private ScheduledExecutorService scheduler;
    private volatile Runnable onLost = () -> {};

    SearchIndex(Path path, Similarity similarity, long refreshMillis) {
        this.path = path;
        this.similarity = similarity;
        this.refreshMillis = refreshMillis;
    }

    /** Opens the index, creating an empty one if what is on disk cannot be used, and starts refreshing. */
    Found open() {
        synchronized (lifecycle) {
            Found found = inspect();
            if (found != Found.CURRENT) {
                wipe();
            }
            current = openGeneration(
                    found == Found.CURRENT ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
            if (found != Found.CURRENT) {
                commit();
            }
            scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                    .name("search-index-refresh")
                    .daemon(true)
                    .factory());
            scheduler.scheduleWithFixedDelay(this::refreshQuietly, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
            scheduler.scheduleWithFixedDelay(this::commitQuietly, 1, 1, TimeUnit.SECONDS);
            log.info("Search index at {}: {}", path, found);
            return found;
        }
    }

    /** Called (on the refresh thread) when the index directory disappears under the running portal. */
    void onLost(Runnable action) {
        this.onLost = action;
    }

    private Found inspect() {
        try {
            if (!Files.isDirectory(path)) {
                return Found.MISSING;
            }
            try (Directory directory = FSDirectory.open(path)) {
                if (!DirectoryReader.indexExists(directory)) {
                    return Found.MISSING;
                }
                try (DirectoryReader reader = DirectoryReader.open(directory)) {
                    Map<String, String> data = reader.getIndexCommit().getUserData();
                    return IndexSchema.VERSION.equals(data.get(IndexSchema.VERSION_KEY))
                            ? Found.CURRENT
                            : Found.OLD_SCHEMA;
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Search index at {} cannot be read and will be rebuilt: {}", path, e.toString());
            return Found.CORRUPT;
        }
    }

    /** Removes whatever unusable files are in the index directory, so that a new index can be created there. */
    private void wipe() {
        if (!Files.isDirectory(path)) {
            return;
        }
        try (var files = Files.list(path)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the unusable search index at " + path, e);
        }
    }

    private Generation openGeneration(IndexWriterConfig.OpenMode mode) {
        try {
            Files.createDirectories(path);
            Directory directory = FSDirectory.open(path);
            IndexWriterConfig config = new IndexWriterConfig(SearchAnalyzers.indexAnalyzer())
                    .setOpenMode(mode)
                    .setSimilarity(similarity)
                    .setCodec(new SearchCodec())
                    .setRAMBufferSizeMB(64);
            IndexWriter writer = new IndexWriter(directory, config);
            writer.setLiveCommitData(
                    Map.of(IndexSchema.VERSION_KEY, IndexSchema.VERSION).entrySet());
            SearcherManager searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(
                        org.apache.lucene.index.IndexReader reader, org.apache.lucene.index.IndexReader previous) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    searcher.setSimilarity(similarity);
                    searcher.setQueryCachingPolicy(CACHING);
                    return searcher;
                }
            });
            return new Generation(directory, writer, searchers);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index at " + path, e);
        }
    }

    /** Throws away the current index (lost, corrupt or about to be rebuilt) and starts an empty one in its place. */
    void reset() {
        synchronized (lifecycle) {
            // the old writer holds the directory's lock, so it goes first; searches retry meanwhile
            closeGeneration(current, false);
            wipe();
            current = openGeneration(IndexWriterConfig.OpenMode.CREATE);
            commit();
        }
    }

    void update(SearchDocument document) {
        write(writer ->
                writer.updateDocument(new Term(IndexSchema.KEY, document.key()), IndexSchema.toDocument(document)));
    }

    /**
     * Merges the index into a single segment. Done after a full rebuild: the index is then read far more often than
     * written, and every search looks each of its words up once per segment (a 200,000-article index in eight
     * segments answered about 15% slower than in one). Later changes add small segments that Lucene merges as usual.
     */
    void compact() {
        write(writer -> writer.forceMerge(1));
    }

    void delete(String key) {
        write(writer -> writer.deleteDocuments(new Term(IndexSchema.KEY, key)));
    }

    @FunctionalInterface
    private interface WriterAction {
        void apply(IndexWriter writer) throws IOException;
    }

    private void write(WriterAction action) {
        for (int attempt = 0; ; attempt++) {
            Generation generation = current;
            try {
                action.apply(generation.writer());
                return;
            } catch (AlreadyClosedException e) {
                // a reset is swapping the writer underneath us: retry on the new one
                awaitReset(attempt, e);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write to the search index at " + path, e);
            }
        }
    }

    /** Runs a function against the latest refreshed searcher. */
    <T> T search(SearcherFunction<T> function) {
        for (int attempt = 0; ; attempt++) {
            SearcherManager searchers = current.searchers();
            IndexSearcher searcher;
            try {
                searcher = searchers.acquire();
            } catch (AlreadyClosedException e) {
                awaitReset(attempt, e);
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return function.apply(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try {
                    searchers.release(searcher);
                } catch (IOException e) {
                    log.warn("Cannot release a searcher", e);
                }
            }
        }
    }

    private static void awaitReset(int attempt, AlreadyClosedException cause) {
        if (attempt >= 100) {
            throw cause;
        }
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    /** Makes all writes so far visible to searches now; normally the schedule does it within {@code refreshMillis}. */
    void refresh() {
        try {
            current.searchers().maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void commit() {
        try {
            IndexWriter writer = current.writer();
            if (writer.hasUncommittedChanges() || writer.getDocStats().numDocs == 0) {
                writer.commit();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int documentCount() {
        return search(searcher -> searcher.getIndexReader().numDocs());
    }

    Path path() {
        return path;
    }

    private void refreshQuietly() {
        try {
            if (!Files.isDirectory(path)) {
                log.warn("Search index directory {} disappeared; rebuilding", path);
                onLost.run();
                return;
            }
            current.searchers().maybeRefresh();
        } catch (IOException | RuntimeException e) {
            log.warn("Search index refresh failed: {}", e.toString());
        }
    }

    private void commitQuietly() {
        try {
            if (Files.isDirectory(path)) {
                commit();
            }
        } catch (RuntimeException e) {
            log.warn("Search index commit failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
            if (current != null) {
                closeGeneration(current, true);
            }
        }
    }

    /** Readers go first, then the writer (committing if the directory still exists), then the directory. */
    private void closeGeneration(Generation generation, boolean commit) {
        try {
            generation.searchers().close();
        } catch (IOException | RuntimeException e) {
            log.warn("Closing search index readers failed: {}", e.toString());
        }
        try {
            if (commit && Files.isDirectory(path)) {
                generation.writer().close();
            } else {
                generation.writer().rollback();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Closing the search index writer failed: {}", e.toString());
        }
        try {
            generation.directory().close();
        } catch (IOException e) {
            log.warn("Closing the search index directory failed: {}", e.toString());
        }
    }
}
