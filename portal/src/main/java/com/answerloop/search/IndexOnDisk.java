package com.answerloop.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.UsageTrackingQueryCachingPolicy;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link SearchIndex} keeps on disk besides the documents: how a found index is judged (schema version and
 * completeness in its commit data), clearing an unusable one, and how its searchers are set up.
 */
final class IndexOnDisk {

    /** What {@link SearchIndex#open()} found on disk. Anything but {@code CURRENT} means the index must be rebuilt. */
    enum Found {
        CURRENT,
        MISSING,
        OLD_SCHEMA,
        CORRUPT,
        /** A rebuild from an empty index was cut short (a crash, a full disk): kept and completed in place. */
        INCOMPLETE,
        /**
         * Complete, but its passage vectors come from another embedding model (or none): kept, so words keep finding
         * everything, and every document is written again in place with the configured model's vectors.
         */
        OTHER_VECTORS
    }

    private static final Logger log = LoggerFactory.getLogger(IndexOnDisk.class);

    /**
     * Commit data that says whether the index holds every document: {@code false} from the moment an empty index is
     * created until a rebuild has written everything, so a crash or a full disk mid-rebuild is noticed at the next
     * start instead of serving a partial index as current. Absent (indexes of earlier releases) means complete.
     */
    static final String COMPLETE_KEY = "complete";

    /**
     * Commit data naming the embedding model of the index's passage vectors: a search compares a query's vector only
     * with vectors of the same model, so an index of another model is written again (absent in earlier releases).
     */
    static final String VECTORS_KEY = "vectors";

    /** {@link #VECTORS_KEY} of an index without passage vectors (semantic search off). */
    static final String NO_VECTORS = "none";

    /** {@link #VECTORS_KEY} while an index's vectors are being replaced with another model's. */
    static final String STALE_VECTORS = "being-replaced";

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

    private IndexOnDisk() {}

    static Iterable<Map.Entry<String, String>> commitData(boolean complete, String vectors) {
        return Map.of(
                        IndexSchema.VERSION_KEY,
                        IndexSchema.VERSION,
                        COMPLETE_KEY,
                        Boolean.toString(complete),
                        VECTORS_KEY,
                        vectors)
                .entrySet();
    }

    static SearcherFactory searcherFactory(Similarity similarity) {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(
                    org.apache.lucene.index.IndexReader reader, org.apache.lucene.index.IndexReader previous) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(similarity);
                searcher.setQueryCachingPolicy(CACHING);
                return searcher;
            }
        };
    }

    /** @param vectors the embedding model the index should hold vectors of ({@link #NO_VECTORS} for none) */
    static IndexOnDisk.Found inspect(Path path, String vectors) {
        try {
            if (!Files.isDirectory(path)) {
                return IndexOnDisk.Found.MISSING;
            }
            try (Directory directory = FSDirectory.open(path)) {
                if (!DirectoryReader.indexExists(directory)) {
                    return IndexOnDisk.Found.MISSING;
                }
                try (DirectoryReader reader = DirectoryReader.open(directory)) {
                    Map<String, String> data = reader.getIndexCommit().getUserData();
                    if (!IndexSchema.VERSION.equals(data.get(IndexSchema.VERSION_KEY))) {
                        return IndexOnDisk.Found.OLD_SCHEMA;
                    }
                    if ("false".equals(data.get(COMPLETE_KEY))) {
                        return IndexOnDisk.Found.INCOMPLETE;
                    }
                    return vectors.equals(data.getOrDefault(VECTORS_KEY, NO_VECTORS))
                            ? IndexOnDisk.Found.CURRENT
                            : IndexOnDisk.Found.OTHER_VECTORS;
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Search index at {} cannot be read and will be rebuilt: {}", path, e.toString());
            return IndexOnDisk.Found.CORRUPT;
        }
    }

    /** Removes whatever unusable files are in the index directory, so that a new index can be created there. */
    static void wipe(Path path) {
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
}
