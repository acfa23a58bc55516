package com.answerloop.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer's life on the index directory: the directory, its {@link IndexWriter}, the near-real-time searchers on
 * it, and how far its commits reach. {@link SearchIndex} replaces a generation when Lucene closes its writer after a
 * failure or the index is reset.
 */
final class IndexGeneration {

    private static final Logger log = LoggerFactory.getLogger(IndexGeneration.class);

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /** The sequence number of the last change the latest commit holds: a change up to it survives a crash. */
    private final AtomicLong durableUpTo = new AtomicLong(-1);

    private IndexGeneration(Directory directory, IndexWriter writer, SearcherManager searchers) {
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
    }

    static IndexGeneration open(
            Path path,
            Similarity similarity,
            IndexWriterConfig.OpenMode mode,
            Iterable<Map.Entry<String, String>> commitData,
            boolean int8Vectors) {
        try {
            Files.createDirectories(path);
            Directory directory = FSDirectory.open(path);
            IndexWriterConfig config = new IndexWriterConfig(SearchAnalyzers.indexAnalyzer())
                    .setOpenMode(mode)
                    .setSimilarity(similarity)
                    .setCodec(new SearchCodec(int8Vectors))
                    .setRAMBufferSizeMB(64);
            IndexWriter writer = new IndexWriter(directory, config);
            writer.setLiveCommitData(commitData);
            SearcherManager searchers = new SearcherManager(writer, IndexOnDisk.searcherFactory(similarity));
            return new IndexGeneration(directory, writer, searchers);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index at " + path, e);
        }
    }

    IndexWriter writer() {
        return writer;
    }

    SearcherManager searchers() {
        return searchers;
    }

    /** Commits if anything changed (or the index is still empty, so that it exists on disk). */
    void commitIfChanged() throws IOException {
        if (writer.hasUncommittedChanges() || writer.getDocStats().numDocs == 0) {
            durableUpTo.accumulateAndGet(writer.commit(), Math::max);
        }
    }

    /** Whether a commit of this generation holds the change with this sequence number. */
    boolean holds(long sequence) {
        return durableUpTo.get() >= sequence;
    }

    /** Why Lucene closed the writer for good (a full disk during a merge, damaged files), or {@code null}. */
    String closedWriterProblem() {
        if (writer.isOpen()) {
            return null;
        }
        Throwable cause = writer.getTragicException();
        return "the index writer was closed" + (cause == null ? "" : " after " + cause);
    }

    /** Whether Lucene closed the writer because it read damaged bytes (a merge hit a bad checksum). */
    boolean closedOverDamage() {
        if (writer.isOpen()) {
            return false;
        }
        for (Throwable cause = writer.getTragicException(); cause != null; cause = cause.getCause()) {
            if (cause instanceof CorruptIndexException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads every byte of the open index and checks it against Lucene's checksums, as a merge would: a damaged file
     * of the same size is found here, where opening the index does not notice it.
     *
     * @throws IOException (a {@link org.apache.lucene.index.CorruptIndexException}) naming the damaged file
     */
    void verifyIntegrity() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                leaf.reader().checkIntegrity();
            }
        } finally {
            searchers.release(searcher);
        }
    }

    /** Readers go first, then the writer (committing if asked and the directory still exists), then the directory. */
    void close(Path path, boolean commit) {
        try {
            searchers.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Closing search index readers failed: {}", e.toString());
        }
        try {
            if (commit && Files.isDirectory(path)) {
                writer.close();
            } else {
                writer.rollback();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Closing the search index writer failed: {}", e.toString());
        }
        try {
            directory.close();
        } catch (IOException e) {
            log.warn("Closing the search index directory failed: {}", e.toString());
        }
    }
}
