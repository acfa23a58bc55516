package com.answerloop.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.support.Content;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Article pages come from memory after the first view (issue 16, C2: no database round trip on the hot path), and a
 * rating or a new version shows on the next view all the same.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ArticlePagesIT {

    // Not a JUnit @TempDir: the cached Spring context outlives the class and keeps writing its search index here, so
    // deleting the folder when the class ends failed now and then.
    static final Path dataDir = Content.temporaryDirectory("answerloop-article-pages");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path content = Files.createDirectories(dataDir.resolve("content"));
        writeArticle(content, "Rotate the key every ninety days.");
        registry.add("answerloop.data-dir", () -> dataDir.toString());
        registry.add("answerloop.content-dir", content::toString);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ContentImporter importer;

    @Test
    void aRepeatedViewNeedsNoQueryAndRatingsAndNewVersionsShowAtOnce() throws Exception {
        assertThat(page()).contains("Rotate the key every ninety days.").contains("0 of 0 found this helpful");
        double connectionsBefore = connectionsTaken();

        assertThat(page()).contains("Rotate the key every ninety days.");
        assertThat(connectionsTaken() - connectionsBefore)
                .as("database connections taken for a repeated article view")
                .isZero();

        mvc.perform(post("/articles/rotate-api-keys/feedback").with(csrf()).param("helpful", "yes"))
                .andExpect(status().is3xxRedirection());
        assertThat(page()).contains("1 of 1 found this helpful");

        writeArticle(dataDir.resolve("content"), "Rotate the key every thirty days.");
        importer.importFrom(dataDir.resolve("content"), "test");
        assertThat(page()).contains("Rotate the key every thirty days.").doesNotContain("ninety");
    }

    /** Hikari's count of connections handed out: any database round trip takes one. */
    private double connectionsTaken() {
        return meters.get("hikaricp.connections.acquire").timer().count();
    }

    private String page() throws Exception {
        return mvc.perform(get("/articles/rotate-api-keys"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static void writeArticle(Path content, String body) throws IOException {
        Path section = Files.createDirectories(content.resolve("security"));
        Files.writeString(content.resolve("security").resolve("_index.md"), "---\ntitle: Security\n---\n");
        Files.writeString(section.resolve("rotate-api-keys.md"), """
                ---
                title: Rotate API keys
                summary: How often to replace your API keys.
                tags: [keys]
                ---

                %s Create the new key before you delete the old one.
                """.formatted(body));
    }
}
