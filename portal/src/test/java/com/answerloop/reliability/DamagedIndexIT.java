package com.answerloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.support.PortalClient;
import com.answerloop.support.PortalProcess;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random bytes written over part of an index file (same size, so opening the index notices nothing): the portal finds
 * the damage, rebuilds from the database, and no search answers 500 meanwhile (issue 16, A3: 15 of 50 did).
 */
class DamagedIndexIT {

    private static final int ARTICLES = 50;

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS) // a failure keeps the portal's log
    Path temp;

    @Test
    void damagedIndexBytesAreFoundAndRebuiltWithoutFailedSearches() throws Exception {
        Path content = Files.createDirectories(temp.resolve("content"));
        List<String> words = CrashScenarios.writeArticles(content, ARTICLES, ImportCrashIT.SHARED_WORD);
        try (PortalProcess portal = new PortalProcess(temp.resolve("data"), content, Map.of())) {
            portal.start();
            assertThat(PortalProcess.within(Duration.ofSeconds(30), () -> found(portal.anonymous(), words) == ARTICLES))
                    .as("all articles searchable before the damage")
                    .isTrue();
            portal.stop();

            Path damaged = damageLargestFile(portal.dataDir().resolve("index"));

            portal.start();
            long start = System.nanoTime();
            PortalClient reader = portal.anonymous();
            List<String> failed = new ArrayList<>();
            for (String word : words) {
                PortalClient.Response response = reader.get("/api/v1/search?q=" + word);
                if (response.status() != 200) {
                    failed.add(response.status() + " " + response.body());
                }
            }
            PortalProcess.within(Duration.ofSeconds(30), () -> found(reader, words) == ARTICLES);
            int foundAfter = found(reader, words);
            CrashScenarios.report(
                    "index bytes damaged (" + damaged.getFileName() + ")",
                    ARTICLES,
                    ARTICLES - foundAfter,
                    foundAfter,
                    Duration.ofNanos(System.nanoTime() - start));
            assertThat(failed)
                    .as("searches that failed after the damage; the portal's errors: %s", errors(portal))
                    .isEmpty();
            assertThat(foundAfter)
                    .as("articles found once the index was rebuilt")
                    .isEqualTo(ARTICLES);
            assertThat(reader.get("/actuator/health").body()).contains("\"searchIndex\":{\"status\":\"UP\"");
        }
    }

    /** Overwrites up to 64 KB in the middle of the index's largest file with random bytes, keeping its size. */
    private static Path damageLargestFile(Path index) throws Exception {
        Path largest;
        try (var files = Files.list(index)) {
            largest = files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().equals("write.lock"))
                    .max(Comparator.comparingLong(file -> file.toFile().length()))
                    .orElseThrow();
        }
        try (RandomAccessFile file = new RandomAccessFile(largest.toFile(), "rw")) {
            long size = file.length();
            byte[] noise = new byte[(int) Math.min(64 * 1024, size / 2)];
            ThreadLocalRandom.current().nextBytes(noise);
            file.seek(size / 4);
            file.write(noise);
            assertThat(file.length()).isEqualTo(size);
        }
        return largest;
    }

    /** The error lines of the portal's logs, to tell why a search failed. */
    private static List<String> errors(PortalProcess portal) throws java.io.IOException {
        List<String> errors = new ArrayList<>();
        for (Path log : portal.logs()) {
            try (var lines = Files.lines(log)) {
                lines.filter(line -> line.contains(" ERROR ") || line.contains("Exception") || line.contains("Error:"))
                        .limit(20)
                        .forEach(errors::add);
            }
        }
        return errors;
    }

    private static int found(PortalClient reader, List<String> words) {
        int found = 0;
        for (String word : words) {
            PortalClient.Response response = reader.get("/api/v1/search?q=" + word);
            if (response.status() == 200 && ((Number) response.json("$.total")).intValue() == 1) {
                found++;
            }
        }
        return found;
    }
}
