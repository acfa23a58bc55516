package com.answerloop.search;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Passage embeddings in the database ({@code search_passage_embedding}), keyed by model and the SHA-256 of the
 * passage text, so that a rebuild, a restart or another node embeds only passages whose text is new.
 */
@Component
class StoredEmbeddings implements EmbeddingStore {

    /** Hashes per delete statement: a bounded IN list. */
    private static final int DELETE_BATCH = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    StoredEmbeddings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Map<String, float[]> find(String model, Collection<String> hashes) {
        Map<String, float[]> found = new HashMap<>();
        if (hashes.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT content_hash, vector FROM search_passage_embedding WHERE model = :model"
                        + " AND content_hash IN (:hashes)")
                .param("model", model)
                .param("hashes", List.copyOf(hashes))
                .query((rs, row) -> found.put(rs.getString(1), floats(rs.getBytes(2))))
                .list();
        return found;
    }

    @Override
    public void save(String model, Map<String, float[]> vectors) {
        Timestamp now = Timestamp.from(clock.instant());
        vectors.forEach((hash, vector) -> {
            try {
                jdbc.sql("INSERT INTO search_passage_embedding (model, content_hash, vector, created_at)"
                                + " VALUES (?, ?, ?, ?)")
                        .params(model, hash, bytes(vector), now)
                        .update();
            } catch (DuplicateKeyException stored) {
                // another node or rebuild embedded the same text first: its vector is the same
            }
        });
    }

    @Override
    public int deleteUnused(String model, Set<String> hashesInUse, Instant storedBefore) {
        int deleted = jdbc.sql("DELETE FROM search_passage_embedding WHERE model <> ?")
                .params(model)
                .update();
        List<String> unused = jdbc
                .sql("SELECT content_hash FROM search_passage_embedding WHERE model = ?" + " AND created_at < ?")
                .params(model, Timestamp.from(storedBefore))
                .query(String.class)
                .stream()
                .filter(hash -> !hashesInUse.contains(hash))
                .toList();
        for (int from = 0; from < unused.size(); from += DELETE_BATCH) {
            deleted += jdbc.sql("DELETE FROM search_passage_embedding WHERE model = :model"
                            + " AND content_hash IN (:hashes)")
                    .param("model", model)
                    .param("hashes", unused.subList(from, Math.min(unused.size(), from + DELETE_BATCH)))
                    .update();
        }
        return deleted;
    }

    static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] floats(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
