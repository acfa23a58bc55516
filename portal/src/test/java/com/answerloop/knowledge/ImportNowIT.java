package com.answerloop.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.FlashMap;

/**
 * "Import now" while an import runs, on one node (no cluster profile): the second click is refused with a message
 * saying when the running import started, and the files are imported once.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:import-now;DB_CLOSE_DELAY=-1;MODE=MySQL;"
                    + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
            "answerloop.content.import-on-start=false"
        })
@AutoConfigureMockMvc
class ImportNowIT {

    private static final int ARTICLES = 3;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    /** The real importer, held at its start so that the test decides how long the first import runs. */
    @MockitoSpyBean
    ContentImporter importer;

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) throws Exception {
        registry.add("answerloop.data-dir", () -> temporary("answerloop-import-now-data"));
        Path content = Path.of(temporary("answerloop-import-now-content"));
        Path section = Files.createDirectories(content.resolve("locks"));
        Files.writeString(section.resolve("_index.md"), "---\ntitle: Locks\n---\n");
        for (int i = 1; i <= ARTICLES; i++) {
            Files.writeString(section.resolve("lock-" + i + ".md"), """
                    ---
                    title: Import lock %d
                    summary: Imported once although two administrators asked.
                    ---

                    One import at a time.
                    """.formatted(i));
        }
        registry.add("answerloop.content-dir", content::toString);
    }

    private static String temporary(String prefix) {
        try {
            return Files.createTempDirectory(prefix).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aSecondImportNowIsRefusedWhileTheFirstRunsAndNothingIsImportedTwice() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch firstMayFinish = new CountDownLatch(1);
        doAnswer(call -> {
                    firstStarted.countDown();
                    firstMayFinish.await(30, TimeUnit.SECONDS);
                    return call.callRealMethod();
                })
                .when(importer)
                .importFrom(any(), eq("admin"));

        CompletableFuture<FlashMap> first = CompletableFuture.supplyAsync(this::importNow);
        assertThat(firstStarted.await(30, TimeUnit.SECONDS))
                .as("the first import started")
                .isTrue();
        FlashMap second = importNow();
        firstMayFinish.countDown();

        assertThat((String) second.get("refused"))
                .startsWith("An import is already running (started on this node at ")
                .contains("nothing was imported");
        assertThat(second.get("message")).isNull();
        assertThat((String) first.get(30, TimeUnit.SECONDS).get("message")).startsWith("Import finished: ");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_runs", Integer.class))
                .as("imports recorded")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM article_versions v JOIN articles a ON a.id = v.article_id"
                                + " WHERE a.source_path LIKE 'locks/%'",
                        Integer.class))
                .as("versions of the imported articles: one each")
                .isEqualTo(ARTICLES);
    }

    private FlashMap importNow() {
        try {
            return mvc.perform(post("/admin/content/import")
                            .with(user("admin").roles("ADMIN"))
                            .with(csrf()))
                    .andReturn()
                    .getFlashMap();
        } catch (Exception e) {
            throw new IllegalStateException("POST /admin/content/import failed", e);
        }
    }
}
