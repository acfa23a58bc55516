package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.Driver;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Passage embeddings kept in the database by model and content hash (the real migration, on H2). */
class StoredEmbeddingsTests {

    /** A fresh in-memory database (MySQL mode, as the portal runs H2) with the embeddings table of the migration. */
    static StoredEmbeddings inMemoryDatabase() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(
                new Driver(),
                "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        try (InputStream in =
                StoredEmbeddingsTests.class.getResourceAsStream("/db/migration/V24_1__search_passage_embeddings.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            jdbc.sql(sql).update();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StoredEmbeddings(jdbc);
    }

    @Test
    void vectorsComeBackAsStoredByModelAndHash() {
        StoredEmbeddings store = inMemoryDatabase();
        float[] vector = {0.25f, -1.5f, 3e-7f};
        String hash = PassageEmbeddings.hash("Reset your password");

        store.save("model-a", Map.of(hash, vector));
        store.save("model-a", Map.of(hash, vector)); // a second node storing the same text is no error

        assertThat(store.find("model-a", List.of(hash, "other"))).containsOnlyKeys(hash);
        assertThat(store.find("model-a", List.of(hash)).get(hash)).containsExactly(vector);
        assertThat(store.find("model-b", List.of(hash))).isEmpty();
    }

    @Test
    void onlyPassagesWhoseTextIsNewAreEmbedded() {
        StoredEmbeddings store = inMemoryDatabase();
        List<String> embedded = new java.util.ArrayList<>();
        PassageEmbeddings first = new PassageEmbeddings(
                "m",
                text -> {
                    embedded.add(text);
                    return new float[] {text.length()};
                },
                store);
        first.of(List.of("one", "three"));

        // another node, or the same one after a restart, with one passage edited
        PassageEmbeddings second = new PassageEmbeddings(
                "m",
                text -> {
                    embedded.add(text);
                    return new float[] {text.length()};
                },
                store);
        List<float[]> vectors = second.of(List.of("one", "three!"));

        assertThat(embedded).containsExactly("one", "three", "three!");
        assertThat(vectors).containsExactly(new float[] {3}, new float[] {6});
        assertThat(second.computed()).isEqualTo(1);
        assertThat(second.reused()).isEqualTo(1);
    }
}
