package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.h2.Driver;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Passage embeddings kept in the database by model and content hash (the real migration, on H2). */
class StoredEmbeddingsTests {

    /** A fresh in-memory database (MySQL mode, as the portal runs H2) with the embeddings table of the migration. */
    static StoredEmbeddings inMemoryDatabase() {
        return inMemoryDatabase(Clock.systemUTC());
    }

    static StoredEmbeddings inMemoryDatabase(Clock clock) {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(
                new Driver(),
                "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        return new StoredEmbeddings(withEmbeddingsTable(JdbcClient.create(dataSource)), clock);
    }

    /** Creates the embeddings table with the portal's own migration. */
    static JdbcClient withEmbeddingsTable(JdbcClient jdbc) {
        try (InputStream in =
                StoredEmbeddingsTests.class.getResourceAsStream("/db/migration/V24_1__search_passage_embeddings.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            jdbc.sql(sql).update();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jdbc;
    }

    /** The store under test; {@link StoredEmbeddingsMariaDbIT} runs the same tests on MariaDB. */
    StoredEmbeddings store(Clock clock) {
        return inMemoryDatabase(clock);
    }

    @Test
    void vectorsComeBackAsStoredByModelAndHash() {
        StoredEmbeddings store = store(Clock.systemUTC());
        float[] vector = {0.25f, -1.5f, 3e-7f};
        String hash = PassageEmbeddings.hash("Reset your password");
        // a vector of the shipped model's size, every bit pattern kept
        float[] full = new float[SentenceModel.DIMENSIONS];
        for (int i = 0; i < full.length; i++) {
            full[i] = (float) Math.sin(i) / (i + 1);
        }
        String fullHash = PassageEmbeddings.hash("Change your email address");

        store.save("model-a", Map.of(hash, vector, fullHash, full));
        store.save("model-a", Map.of(hash, vector)); // a second node storing the same text is no error

        assertThat(store.find("model-a", List.of(hash, "other"))).containsOnlyKeys(hash);
        assertThat(store.find("model-a", List.of(hash)).get(hash)).containsExactly(vector);
        assertThat(store.find("model-a", List.of(fullHash)).get(fullHash)).containsExactly(full);
        assertThat(store.find("model-b", List.of(hash))).isEmpty();
    }

    @Test
    void onlyPassagesWhoseTextIsNewAreEmbedded() {
        StoredEmbeddings store = store(Clock.systemUTC());
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

    @Test
    void theCleanupDeletesOnlyWhatNoDocumentNeedsAndNothingStoredSinceItBegan() {
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        Clock[] now = {Clock.fixed(t0, ZoneOffset.UTC)};
        StoredEmbeddings store = store(new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0].instant();
            }
        });
        store.save("m", Map.of("in-use", new float[] {1}, "edited-away", new float[] {2}));
        store.save("old-model", Map.of("in-use", new float[] {3}));
        Instant cleanupStarted = t0.plusSeconds(60);
        now[0] = Clock.fixed(cleanupStarted.plusSeconds(1), ZoneOffset.UTC);
        store.save("m", Map.of("stored-meanwhile", new float[] {4}));

        int deleted = store.deleteUnused("m", Set.of("in-use"), cleanupStarted);

        assertThat(deleted).isEqualTo(2);
        assertThat(store.find("m", List.of("in-use", "edited-away", "stored-meanwhile")))
                .containsOnlyKeys("in-use", "stored-meanwhile");
        assertThat(store.find("old-model", List.of("in-use"))).isEmpty();
    }
}
