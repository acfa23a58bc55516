package com.answerloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.support.PortalClient;
import com.answerloop.support.PortalProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of an administrator's "Import now": after the restart every article the site shows
 * is also found by search (issue 16, A2: 92 of them were on the site but never in search).
 */
class ImportCrashIT {

    private static final int FILES = 300;
    static final String SHARED_WORD = "zkimportedmarker";

    @TempDir
    Path temp;

    @Test
    void articlesImportedBeforeAKillAreAllSearchableAfterTheRestart() throws Exception {
        Path content = Files.createDirectories(temp.resolve("content"));
        try (PortalProcess portal = new PortalProcess(temp.resolve("data"), content, Map.of())) {
            portal.start();
            CrashScenarios.writeArticles(content, FILES, SHARED_WORD);
            PortalClient admin = portal.signInAsAdmin();
            admin.get("/admin/content");
            Thread importing = Thread.ofVirtual().start(() -> {
                try {
                    admin.form("/admin/content/import", Map.of());
                } catch (RuntimeException killed) {
                    // the portal dies under the request
                }
            });
            PortalClient reader = portal.anonymous();
            assertThat(PortalProcess.within(Duration.ofSeconds(120), () -> articleCount(reader) >= 60))
                    .as("the import got going")
                    .isTrue();
            portal.kill();
            importing.join();
            portal.start();
            int imported = articleCount(portal.anonymous());

            long start = System.nanoTime();
            PortalProcess.within(Duration.ofSeconds(90), () -> searchCount(portal) == articleCount(portal.anonymous()));
            int found = searchCount(portal);
            CrashScenarios.report(
                    "H2: kill -9 during Import now",
                    imported,
                    imported - found,
                    found,
                    Duration.ofNanos(System.nanoTime() - start));
            assertThat(found)
                    .as("articles found by search, of %d on the site", imported)
                    .isEqualTo(articleCount(portal.anonymous()))
                    .isGreaterThanOrEqualTo(60);
        }
    }

    private static int articleCount(PortalClient reader) {
        PortalClient.Response page = reader.get("/api/v1/articles?size=1");
        return page.status() == 200 ? ((Number) page.json("$.total")).intValue() : -1;
    }

    private static int searchCount(PortalProcess portal) {
        PortalClient.Response found = portal.anonymous().get("/api/v1/search?type=article&q=" + SHARED_WORD);
        return found.status() == 200 ? ((Number) found.json("$.total")).intValue() : -1;
    }
}
