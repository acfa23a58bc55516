package com.answerloop.search;

import com.answerloop.search.IndexOnDisk.Found;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index on disk: one {@link IndexWriter} for the index's life, near-real-time searchers from a
 * {@link SearcherManager} refreshed on a schedule (never per query), periodic commits carrying the schema version.
 * {@link #reset()} replaces a lost or corrupt index with an empty one while the portal keeps running.
 */
final class SearchIndex implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    /** A change made in the writer's memory, to be made durable with {@link #makeDurable}. */
    record Change(Object generation, long sequence) {}

    @FunctionalInterface
    interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private final Path path;
    private final Similarity similarity;
    private final long refreshMillis;
    private final Object lifecycle = new Object();
    private volatile IndexGeneration current;
    private ScheduledExecutorService scheduler;
    private volatile Runnable onLost = () -> {};
    /** Asked when a search fails: true when it found the index damaged and replaced it, so the search may retry. */
    private volatile java.util.function.Predicate<Exception> onSearchFailure = failure -> false;

    private volatile boolean complete = true;
    /** The model whose passage vectors the index holds, as its commit data records it (see {@link #markComplete}). */
    private volatile String vectorsOnDisk;
    /** Why the last commit failed (a full disk), until one succeeds. */
    private volatile String commitProblem;
    /** Serialises commits, so that concurrent callers of {@link #makeDurable} share one commit (group commit). */
    private final Object commits = new Object();

    /** See {@link SearchCodec#SearchCodec(boolean)}; set before {@link #open()}. Off in the portal. */
    private volatile boolean int8Vectors;

    void quantiseVectors(boolean int8) {
        this.int8Vectors = int8;
    }

    SearchIndex(Path path, Similarity similarity, long refreshMillis) {
        this.path = path;
        this.similarity = similarity;
        this.refreshMillis = refreshMillis;
    }

    /** Opens the index, creating an empty one if what is on disk cannot be used, and starts refreshing. */
    Found open() {
        synchronized (lifecycle) {
            Found found = openWhatIsOnDisk();
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

    /** Opens a writer on the index on disk if it can be used, else on a new empty one (marked incomplete). */
    private Found openWhatIsOnDisk() {
        Found found = IndexOnDisk.inspect(path, vectorModel);
        boolean reusable = found == Found.CURRENT || found == Found.INCOMPLETE || found == Found.OTHER_VECTORS;
        if (!reusable) {
            IndexOnDisk.wipe(path);
        }
        complete = found == Found.CURRENT || found == Found.OTHER_VECTORS;
        // until every document has the configured model's vectors, the commits keep saying they do not
        vectorsOnDisk = found == Found.OTHER_VECTORS ? IndexOnDisk.STALE_VECTORS : vectorModel;
        current = openGeneration(reusable ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
        if (!reusable) {
            commit();
        }
        return found;
    }

    /** Whether Lucene has closed the writer after a failure, so that only a new writer can index again. */
    boolean writerClosed() {
        return !current.writer().isOpen();
    }

    /** Whether Lucene closed the writer over damaged bytes: rewriting in place would read them again. */
    boolean writerClosedOverDamage() {
        return current.closedOverDamage();
    }

    /**
     * Why the writer cannot write any more, or {@code null} while it can. Lucene closes its writer for good after a
     * failure it cannot roll back (a full disk during a merge, damaged files).
     */
    String writerProblem() {
        String closed = current.closedWriterProblem();
        return closed != null ? closed : commitProblem;
    }

    /**
     * Replaces a writer Lucene has closed with a new one on the last commit on disk (or on a new empty index when
     * that commit is unusable). Changes after that commit are lost from the index; their events were not completed,
     * so they are delivered again.
     */
    Found reopen() {
        synchronized (lifecycle) {
            current.close(path, false);
            Found found = openWhatIsOnDisk();
            log.warn("Search index writer reopened on {}: {}", path, found);
            return found;
        }
    }

    /**
     * Reads every byte of the open index and checks it against Lucene's checksums, as a merge would: a damaged file
     * of the same size is found here, where opening the index does not notice it.
     *
     * @throws IOException (a {@link org.apache.lucene.index.CorruptIndexException}) naming the damaged file
     */
    void verifyIntegrity() throws IOException {
        current.verifyIntegrity();
    }

    /** Called when a search fails, to tell a damaged index (which it replaces) from any other failure. */
    void onSearchFailure(java.util.function.Predicate<Exception> action) {
        this.onSearchFailure = action;
    }

    /** Called (on the refresh thread) when the index directory disappears under the running portal. */
    void onLost(Runnable action) {
        this.onLost = action;
    }

    private IndexGeneration openGeneration(IndexWriterConfig.OpenMode mode) {
        return IndexGeneration.open(path, similarity, mode, commitData(), int8Vectors);
    }

    /** Throws away the current index (lost, corrupt or about to be rebuilt) and starts an empty one in its place. */
    void reset() {
        synchronized (lifecycle) {
            // the old writer holds the directory's lock, so it goes first; searches retry meanwhile
            current.close(path, false);
            IndexOnDisk.wipe(path);
            complete = false;
            vectorsOnDisk = vectorModel;
            current = openGeneration(IndexWriterConfig.OpenMode.CREATE);
            commit();
        }
    }

    private Iterable<Map.Entry<String, String>> commitData() {
        return IndexOnDisk.commitData(complete, vectorsOnDisk);
    }

    /** Whether the index holds every document (see {@link IndexOnDisk#COMPLETE_KEY}). */
    boolean isComplete() {
        return complete;
    }

    /** Records, with the next commit, that every document has been written (with the configured model's vectors). */
    void markComplete() {
        complete = true;
        vectorsOnDisk = vectorModel;
        current.writer().setLiveCommitData(commitData());
    }

    Change update(SearchDocument document) {
        return update(prepare(document));
    }

    /** A document ready to write: its Lucene fields, passage vectors included. */
    record Prepared(String key, Document document) {}

    /**
     * Embeds and builds the document, the slow part of a write: done before any lock is taken, so the model's work
     * holds up neither the writer nor other changes.
     */
    Prepared prepare(SearchDocument document) {
        return new Prepared(document.key(), IndexSchema.toDocument(document, passageVectors.apply(document)));
    }

    Change update(Prepared prepared) {
        return write(writer -> writer.updateDocument(new Term(IndexSchema.KEY, prepared.key()), prepared.document()));
    }

    /** Semantic search: how each document's passages are embedded before it is written (none by default). */
    private volatile Function<SearchDocument, List<float[]>> passageVectors = doc -> List.of();

    /** The embedding model of {@link #passageVectors}; {@link IndexOnDisk#NO_VECTORS} for none. */
    private volatile String vectorModel = IndexOnDisk.NO_VECTORS;

    /**
     * Embeds each document's passages with this model from now on. Called before {@link #open()}, so that an index
     * with another model's vectors is recognised ({@link Found#OTHER_VECTORS}).
     */
    void embedPassagesWith(String model, Function<SearchDocument, List<float[]>> embedding) {
        this.vectorModel = model;
        this.passageVectors = embedding;
    }

    /**
     * Merges the index into a single segment. Done after a full rebuild: the index is then read far more often than
     * written, and every search looks each of its words up once per segment (a 200,000-article index in eight
     * segments answered about 15% slower than in one). Later changes add small segments that Lucene merges as usual.
     */
    void compact() {
        write(writer -> {
            writer.forceMerge(1);
            return -1;
        });
    }

    Change delete(String key) {
        return write(writer -> writer.deleteDocuments(new Term(IndexSchema.KEY, key)));
    }

    /** A write to the index; returns Lucene's sequence number of the change. */
    @FunctionalInterface
    private interface WriterAction {
        long apply(IndexWriter writer) throws IOException;
    }

    private Change write(WriterAction action) {
        for (int attempt = 0; ; attempt++) {
            IndexGeneration generation = current;
            try {
                return new Change(generation, action.apply(generation.writer()));
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
            IndexGeneration generation = current;
            SearcherManager searchers = generation.searchers();
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
            } catch (IOException | RuntimeException e) {
                if (attempt < 3
                        && ((!(e instanceof AlreadyClosedException) && onSearchFailure.test(e))
                                || generation != current)) {
                    // the index was damaged and has been replaced, by this failure's check or by another thread's
                    // (the check at start) while this one waited for it: search the new one
                    continue;
                }
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
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
        synchronized (commits) {
            try {
                current.commitIfChanged();
                commitProblem = null;
            } catch (IOException | RuntimeException e) {
                commitProblem = "changes cannot be saved: " + e;
                throw new UncheckedIOException("Cannot commit the search index at " + path, asIo(e));
            }
        }
    }

    private static IOException asIo(Exception e) {
        return e instanceof IOException io ? io : new IOException(e);
    }

    /**
     * Returns once {@code change} is in a commit on disk, committing if no commit holds it yet. Callers that wait
     * at the same time share one commit. A change whose writer a reset has replaced needs nothing: the rebuild that
     * follows every reset writes it again from the database, and the index counts as incomplete until it has.
     */
    void makeDurable(Change change) {
        IndexGeneration generation = current;
        if (change.generation() != generation || generation.holds(change.sequence())) {
            return;
        }
        synchronized (commits) {
            if (change.generation() == current && !generation.holds(change.sequence())) {
                commit();
            }
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
                current.close(path, true);
            }
        }
    }
}
