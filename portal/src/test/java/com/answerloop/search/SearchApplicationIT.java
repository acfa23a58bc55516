package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.knowledge.ArticleArchived;
import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.ArticlePublished;
import com.answerloop.knowledge.IndexableArticle;
import com.answerloop.knowledge.Visibility;
import com.answerloop.support.Content;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search module in the running application: API and pages, visibility, live indexing through events, rebuild
 * after the index directory is deleted, analytics and health.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SearchApplicationIT.Articles.class)
class SearchApplicationIT {

    static final Path DATA_DIR = createDataDir();

    /** Stands in for the knowledge module's published articles. */
    static final List<IndexableArticle> PUBLISHED = new CopyOnWriteArrayList<>(List.of(
            article(
                    1,
                    "reset-password",
                    "Reset your password",
                    "Use the reset link on the sign in page to choose a new password.",
                    List.of("password", "account"),
                    "using-the-help-center",
                    Visibility.PUBLIC),
            article(
                    2,
                    "change-email",
                    "Change your email address",
                    "Open your profile and change the email address.",
                    List.of("email", "account"),
                    "using-the-help-center",
                    Visibility.PUBLIC),
            article(
                    3,
                    "configure-mail",
                    "Configure the mail server",
                    "Set the SMTP host, port and password.",
                    List.of("email"),
                    "operators",
                    Visibility.PUBLIC),
            article(
                    4,
                    "escalate-case",
                    "Escalating a case",
                    "How agents escalate a case to engineering.",
                    List.of("cases"),
                    "agents-and-editors",
                    Visibility.INTERNAL)));

    @TestConfiguration
    static class Articles {

        @Bean
        DocumentSource testArticles() {
            return new DocumentSource() {
                @Override
                public String type() {
                    return ArticleDocuments.TYPE;
                }

                @Override
                public Stream<SearchDocument> all() {
                    return PUBLISHED.stream().map(ArticleDocuments::toDocument);
                }
            };
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("answerloop.data-dir", DATA_DIR::toString);
        registry.add(
                "answerloop.content-dir", () -> DATA_DIR.resolve("no-content").toString());
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("search-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static IndexableArticle article(
            long id,
            String slug,
            String title,
            String body,
            List<String> tags,
            String category,
            Visibility visibility) {
        return new IndexableArticle(
                id,
                slug,
                1,
                title,
                "",
                tags,
                category,
                category.replace('-', ' '),
                null,
                null,
                visibility,
                LocalDate.of(2024, 1, (int) id),
                body,
                List.of());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    SearchManagement search;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    /** The indexing listener reads an article's current state from the knowledge module; these stand in for it. */
    @MockitoSpyBean
    ArticleManagement knowledge;

    static final Map<Long, IndexableArticle> CURRENT = new ConcurrentHashMap<>();

    @BeforeEach
    void knowledgeStandsIn() {
        doAnswer(call -> Optional.ofNullable(CURRENT.get(call.<Long>getArgument(0))))
                .when(knowledge)
                .searchableArticle(anyLong());
    }

    @BeforeEach
    void indexBuiltAtStart() {
        await().atMost(Duration.ofSeconds(20)).until(() -> !search.isRebuilding() && search.documentCount() >= 4);
    }

    @Test
    void apiReturnsHitsInTheDocumentedShape() throws Exception {
        mvc.perform(get("/api/v1/search").param("q", "reset password"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").isNumber())
                .andExpect(jsonPath("$.hits[0].type").value("article"))
                .andExpect(jsonPath("$.hits[0].slug").value("reset-password"))
                .andExpect(jsonPath("$.hits[0].title").value("Reset your password"))
                .andExpect(jsonPath("$.hits[0].url").value("/articles/reset-password"))
                .andExpect(jsonPath("$.hits[0].snippet", containsString("<mark>")))
                .andExpect(jsonPath("$.hits[0].score").isNumber())
                .andExpect(jsonPath("$.facets.category[0].value").isString());
    }

    @Test
    void apiAnswersBadParametersWithProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/search").param("q", "mail").param("size", "51"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("size")));
        mvc.perform(get("/api/v1/search").param("q", "mail").param("page", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/search")).andExpect(status().isBadRequest());
    }

    @Test
    void internalArticlesOnlyForAgents() throws Exception {
        mvc.perform(get("/api/v1/search").param("q", "escalate case"))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/search")
                        .param("q", "escalate case")
                        .with(user("agent").roles("AGENT")))
                .andExpect(jsonPath("$.hits[0].slug").value("escalate-case"));
        mvc.perform(get("/api/v1/search")
                        .param("q", "escalate case")
                        .with(user("member").roles("MEMBER")))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void resultsPageShowsHighlightsFacetsAndKeepsTheQuery() throws Exception {
        mvc.perform(get("/search").param("q", "email"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"email\"")))
                .andExpect(content().string(containsString("<mark>email</mark>")))
                .andExpect(content().string(containsString("Change your email address")))
                .andExpect(content().string(containsString("/search?q=email&amp;category=operators")))
                .andExpect(content().string(containsString("<title>Search results for email · Answerloop</title>")));
        mvc.perform(get("/search").param("q", "email").param("category", "operators"))
                .andExpect(content().string(containsString("Configure the mail server")))
                .andExpect(content().string(not(containsString("Change your email address"))))
                .andExpect(content().string(containsString("Category: operators")));
    }

    @Test
    void aMisspeltQueryShowsItsCorrectionsResults() throws Exception {
        mvc.perform(get("/search").param("q", "pasword"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Showing results for")))
                .andExpect(content().string(containsString("<strong>password</strong>")))
                .andExpect(content().string(containsString("Reset your password")));
        mvc.perform(get("/api/v1/search").param("q", "pasword"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.query").value("pasword"))
                .andExpect(jsonPath("$.showingResultsFor").value("password"));
    }

    @Test
    void theRebuildAtStartKeepsThePassageEmbeddingsInTheDatabase() {
        // a restart with a lost index, or a second node, reads them back instead of running the model again
        long stored = jdbc.sql("SELECT COUNT(*) FROM search_passage_embedding WHERE model = ?")
                .param(SentenceModel.DEFAULT_NAME)
                .query(Long.class)
                .single();

        assertThat(stored).isGreaterThanOrEqualTo(4);
    }

    @Test
    void zeroResultPageOffersWaysOnward() throws Exception {
        mvc.perform(get("/search").param("q", "qqxxzz"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Browse by category")))
                .andExpect(content().string(containsString("Popular articles")))
                .andExpect(content().string(containsString("href=\"/community/ask?title=qqxxzz\"")))
                .andExpect(content().string(containsString("href=\"/contact\"")));
    }

    @Test
    void hostileQueriesNeverBreakThePageOrTheApi() throws Exception {
        Path payloads = Content.testData("security/xss-payloads.txt");
        List<String> lines = Files.readAllLines(payloads, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            // every line through the page; every tenth also through the API and the typeahead
            mvc.perform(get("/search").param("q", line)).andExpect(status().isOk());
            if (i % 10 == 0) {
                mvc.perform(get("/api/v1/search").param("q", line)).andExpect(status().isOk());
                mvc.perform(get("/api/v1/search/suggest").param("q", line)).andExpect(status().isOk());
            }
        }
        mvc.perform(get("/search").param("q", "<script>alert(1)</script> password"))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void suggestsTitlesAsTheReaderTypes() throws Exception {
        mvc.perform(get("/api/v1/search/suggest").param("q", "reset pa"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suggestions[0].type").value("article"))
                .andExpect(jsonPath("$.suggestions[0].text").value("Reset your password"))
                .andExpect(jsonPath("$.suggestions[0].url").value("/articles/reset-password"));
    }

    @Test
    void publishedAndArchivedArticlesAreSearchableWithinOneSecond() throws Exception {
        IndexableArticle fresh = article(
                10,
                "export-data",
                "Export your data",
                "Download a zip archive of everything.",
                List.of("account"),
                "using-the-help-center",
                Visibility.PUBLIC);
        CURRENT.put(fresh.id(), fresh);
        transactions.executeWithoutResult(tx -> events.publishEvent(new ArticlePublished(fresh)));
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> mvc.perform(get("/api/v1/search").param("q", "zip archive"))
                        .andExpect(jsonPath("$.hits[0].slug").value("export-data")));

        IndexableArticle changed = new IndexableArticle(
                10,
                "export-data",
                2,
                "Export your data",
                "",
                List.of(),
                "using-the-help-center",
                "Using",
                null,
                null,
                Visibility.PUBLIC,
                LocalDate.now(),
                "Download a tarball of everything.",
                List.of());
        CURRENT.put(changed.id(), changed);
        transactions.executeWithoutResult(tx -> events.publishEvent(new ArticlePublished(changed)));
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> mvc.perform(get("/api/v1/search").param("q", "tarball"))
                        .andExpect(jsonPath("$.hits[0].slug").value("export-data")));

        CURRENT.remove(10L);
        transactions.executeWithoutResult(tx -> events.publishEvent(new ArticleArchived(10, "export-data")));
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> mvc.perform(get("/api/v1/search").param("q", "tarball"))
                        .andExpect(jsonPath("$.total").value(0)));
    }

    @Test
    void deletedIndexDirectoryIsRebuiltWithTheSameResults() throws Exception {
        String before = mvc.perform(get("/api/v1/search")
                        .param("q", "email password account")
                        .param("size", "10"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(before).contains("change-email");

        try (Stream<Path> files = Files.walk(DATA_DIR.resolve("index"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    assertThat(search.isRebuilding()).isFalse();
                    String after = mvc.perform(get("/api/v1/search")
                                    .param("q", "email password account")
                                    .param("size", "10"))
                            .andReturn()
                            .getResponse()
                            .getContentAsString();
                    assertThat(after.replace("\"rebuilding\":true", "\"rebuilding\":false"))
                            .isEqualTo(before);
                });
        assertThat(DATA_DIR.resolve("index")).isDirectory();
    }

    @Test
    void adminCanRebuildAndSeeSearchReports() throws Exception {
        // the reports list queries of at least three distinct visitors (SearchPrivacySettings)
        for (String address : List.of("192.0.2.10", "192.0.2.11", "192.0.2.12")) {
            mvc.perform(get("/search").param("q", "Mail  Server").with(r -> {
                r.setRemoteAddr(address);
                return r;
            }));
            mvc.perform(get("/search").param("q", "no such thing xyzzy").with(r -> {
                r.setRemoteAddr(address);
                return r;
            }));
        }
        mvc.perform(get("/search/click")
                        .param("id", "article:3")
                        .param("q", "mail server")
                        .param("pos", "1"))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/articles/configure-mail"));
        mvc.perform(get("/search/click").param("id", "article:4").param("q", "x"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", not(containsString("escalate"))));

        mvc.perform(get("/admin/search"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> mvc.perform(get("/admin/search")
                                .param("days", "1")
                                .with(user("admin").roles("ADMIN")))
                        .andExpect(status().isOk())
                        .andExpect(content().string(containsString("mail server")))
                        .andExpect(content().string(containsString("no such thing xyzzy"))));

        mvc.perform(post("/admin/search/rebuild")
                        .with(csrf())
                        .with(user("admin").roles("ADMIN")))
                .andExpect(status().is3xxRedirection());
        await().atMost(Duration.ofSeconds(10)).until(() -> !search.isRebuilding());
        mvc.perform(get("/admin/search").with(user("admin").roles("ADMIN")))
                .andExpect(content().string(containsString("Last rebuild")))
                .andExpect(content().string(containsString("Rebuild index")));
    }

    @Test
    void healthShowsTheSearchIndex() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(jsonPath("$.components.searchIndex.status").value("UP"));
        mvc.perform(get("/actuator/health").with(user("admin").roles("ADMIN")))
                .andExpect(jsonPath("$.components.searchIndex.status").value("UP"))
                .andExpect(
                        jsonPath("$.components.searchIndex.details.documents").isNumber())
                .andExpect(
                        jsonPath("$.components.searchIndex.details.rebuilding").isBoolean());
    }
}
