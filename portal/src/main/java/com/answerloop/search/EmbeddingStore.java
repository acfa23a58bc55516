package com.answerloop.search;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Where passage embeddings are kept between rebuilds, by model and content hash ({@link StoredEmbeddings} in the
 * database). {@link #NONE} keeps nothing: throwaway indexes (evaluations, tests) compute every vector.
 */
interface EmbeddingStore {

    /** The stored vectors of these hashes that exist, by hash. */
    Map<String, float[]> find(String model, Collection<String> hashes);

    /** Keeps these vectors; a hash another writer stored meanwhile is left as it is (same text, same vector). */
    void save(String model, Map<String, float[]> vectors);

    /**
     * Deletes what no document needs any more: the vectors of other models, and those of this model stored before
     * {@code storedBefore} whose text is not in use (a passage stored later may belong to an edit made meanwhile).
     * Returns how many were deleted.
     */
    default int deleteUnused(String model, Set<String> hashesInUse, Instant storedBefore) {
        return 0;
    }

    EmbeddingStore NONE = new EmbeddingStore() {
        @Override
        public Map<String, float[]> find(String model, Collection<String> hashes) {
            return Map.of();
        }

        @Override
        public void save(String model, Map<String, float[]> vectors) {}
    };
}
