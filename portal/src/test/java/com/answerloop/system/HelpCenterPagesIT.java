package com.answerloop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.support.Content;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The help center's pages, SEO files and article API as a reader, a search engine and an API
 * client see them, on the shipped kb-content.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:pages;DB_CLOSE_DELAY=-1;MODE=MySQL;"
                    + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
            "answerloop.base-url=https://help.example.com",
            "answerloop.analytics.popular-refresh=0s",
            "answerloop.analytics.flush-ms=100"
        })
@AutoConfigureMockMvc
class HelpCenterPagesIT {

    private static final String PUBLIC_ARTICLE = "/articles/reset-password";
    private static final String INTERNAL_ARTICLE = "/articles/escalation-guidelines";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory("answerloop-pages");
        registry.add("answerloop.data-dir", data::toString);
        registry.add(
                "answerloop.content-dir", () -> Content.shippedKnowledgeBase().toString());
    }

    @Test
    void homeOffersSearchCategoriesWithCountsAndArticleLists() throws Exception {
        String html = page("/");
        assertThat(html)
                .contains("<form action=\"/search\" method=\"get\" role=\"search\">")
                .contains("Using the help center")
                .containsPattern("\\d+ articles")
                .contains("Popular articles", "Recently updated");
    }

    @Test
    void aCustomersHomeLeadsWithPromotedArticlesAndLeavesOutOperatorAndAgentDocumentation() throws Exception {
        String home = page("/");
        List<String> popular = articleSlugs(home, "popular-title");
        List<String> promoted =
                jdbc.queryForList("SELECT slug FROM articles WHERE promoted ORDER BY slug", String.class);
        assertThat(promoted).isNotEmpty();
        // the shipped content promotes as many articles as the list shows; one slot may go to the article another
        // test of this class read often enough to be popular
        assertThat(promoted).hasSize(popular.size());
        assertThat(popular.stream().filter(promoted::contains).count()).isGreaterThanOrEqualTo(promoted.size() - 1L);
        List<String> shown = new java.util.ArrayList<>(popular);
        shown.addAll(articleSlugs(home, "recent-title"));
        assertThat(shown)
                .isNotEmpty()
                .allSatisfy(slug ->
                        assertThat(audienceOf(slug)).as("audience of %s", slug).isEqualTo("CUSTOMERS"));

        String staffHome = mvc.perform(get("/").with(user("agent@example.com").roles("AGENT")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(articleSlugs(staffHome, "recent-title"))
                .as("staff see every audience")
                .anySatisfy(slug -> assertThat(audienceOf(slug)).isNotEqualTo("CUSTOMERS"));
    }

    @Test
    void articlesCustomersReadMostBecomePopularAndStaffReadsDoNotCount() throws Exception {
        String readByCustomers = "rate-articles";
        String readByStaff = "create-an-account";
        for (int i = 0; i < 12; i++) {
            mvc.perform(get("/articles/" + readByCustomers)).andExpect(status().isOk());
            mvc.perform(get("/articles/" + readByStaff)
                            .with(user("agent@example.com").roles("AGENT")))
                    .andExpect(status().isOk());
        }
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        List<String> popular = articleSlugs(page("/"), "popular-title");
        while (!popular.getFirst().equals(readByCustomers) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            popular = articleSlugs(page("/"), "popular-title");
        }
        assertThat(popular.getFirst())
                .as("the article customers read most leads")
                .isEqualTo(readByCustomers);
        assertThat(popular).as("staff reads are not customers' reads").doesNotContain(readByStaff);
        assertThat(popular).hasSize(6).doesNotHaveDuplicates();
    }

    private String audienceOf(String slug) {
        return jdbc.queryForObject(
                "SELECT COALESCE(p.audience, c.audience) FROM articles a JOIN categories c ON c.id = a.category_id"
                        + " LEFT JOIN categories p ON p.id = c.parent_id WHERE a.slug = ?",
                String.class,
                slug);
    }

    /** The article slugs linked from the home page section with this heading id. */
    private static List<String> articleSlugs(String html, String headingId) {
        int start = html.indexOf("aria-labelledby=\"" + headingId + "\"");
        String section = html.substring(start, html.indexOf("</section>", start));
        return Pattern.compile("href=\"/articles/([a-z0-9-]+)\"")
                .matcher(section)
                .results()
                .map(match -> match.group(1))
                .toList();
    }

    @Test
    void articlePageHasBreadcrumbsTocSeoTagsAndStructuredData() throws Exception {
        String html = page(PUBLIC_ARTICLE);
        assertThat(html)
                .contains("<title>Reset your password · Answerloop</title>")
                .contains("<link rel=\"canonical\" href=\"https://help.example.com/articles/reset-password\">")
                .contains("<meta property=\"og:type\" content=\"article\">")
                .contains("\"@type\":\"Article\"", "\"headline\":\"Reset your password\"")
                .contains("aria-label=\"Breadcrumb\"", "On this page", "Was this article helpful?");
    }

    @Test
    void internalArticlesExistOnlyForAgentsEditorsAndAdmins() throws Exception {
        mvc.perform(get(INTERNAL_ARTICLE)).andExpect(status().isNotFound());
        mvc.perform(get(INTERNAL_ARTICLE).with(user("member").roles("MEMBER"))).andExpect(status().isNotFound());
        mvc.perform(get(INTERNAL_ARTICLE).with(user("agent").roles("AGENT"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1" + INTERNAL_ARTICLE)).andExpect(status().isNotFound());
        assertThat(page("/sitemap.xml")).contains(PUBLIC_ARTICLE).doesNotContain(INTERNAL_ARTICLE);
    }

    @Test
    void sitemapAndRobotsDescribeThePublicSite() throws Exception {
        String sitemap = page("/sitemap.xml");
        int listed = sitemap.split("/articles/", -1).length - 1;
        Integer publicArticles = jdbc.queryForObject(
                "SELECT COUNT(*) FROM articles WHERE state = 'PUBLISHED' AND visibility = 'PUBLIC'", Integer.class);
        assertThat(listed).isEqualTo(publicArticles).isGreaterThanOrEqualTo(30);
        assertThat(page("/robots.txt")).contains("Disallow: /admin", "Sitemap: https://help.example.com/sitemap.xml");
    }

    @Test
    void unknownAndArchivedPagesExplainThemselvesInTheSiteLayout() throws Exception {
        // Error pages need the servlet container's error dispatch: ask the real server.
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/articles/no-such-article"))
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body())
                .contains("Page not found", "We couldn&#39;t find that article.", "Search the help center");
    }

    @Test
    void feedbackIsOneVotePerBrowserAndNeedsTheCsrfToken() throws Exception {
        mvc.perform(post(PUBLIC_ARTICLE + "/feedback").param("helpful", "yes")).andExpect(status().isForbidden());

        MvcResult first = mvc.perform(post(PUBLIC_ARTICLE + "/feedback")
                        .with(csrf())
                        .param("helpful", "yes")
                        .param("comment", "<b>clear</b> steps"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", PUBLIC_ARTICLE + "?feedback=thanks#feedback"))
                .andReturn();
        Cookie voter = first.getResponse().getCookie("al_voter");
        assertThat(voter).isNotNull();
        assertThat(voter.isHttpOnly()).isTrue();
        mvc.perform(
                post(PUBLIC_ARTICLE + "/feedback").with(csrf()).cookie(voter).param("helpful", "no"));

        assertThat(jdbc.queryForMap("SELECT helpful_yes, helpful_no FROM articles WHERE slug = 'reset-password'"))
                .containsEntry("helpful_yes", 0)
                .containsEntry("helpful_no", 1);
        assertThat(jdbc.queryForObject(
                        "SELECT comment FROM article_feedback f JOIN articles a ON a.id = f.article_id"
                                + " WHERE a.slug = 'reset-password'",
                        String.class))
                .as("the second vote replaced the first, comment included")
                .isNull();
        assertThat(page(PUBLIC_ARTICLE + "?feedback=thanks")).contains("Thanks for your feedback!");
    }

    @Test
    void articleApiPagesAndReportsProblemsAsProblemDetails() throws Exception {
        mvc.perform(get("/api/v1/articles").param("size", "5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(5))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.total").isNumber());
        mvc.perform(get("/api/v1" + PUBLIC_ARTICLE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value("reset-password"))
                .andExpect(jsonPath("$.section.title").value("Your account"))
                .andExpect(jsonPath("$.html").value(org.hamcrest.Matchers.containsString("<h2 id=")));
        mvc.perform(get("/api/v1/articles/nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("No article with slug 'nope'"));
        mvc.perform(get("/api/v1/articles").param("size", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid request"));
    }

    @Test
    void exportGivesBackTheShippedFile() throws Exception {
        Path file = Content.shippedKnowledgeBase().resolve("using-the-help-center/your-account/reset-your-password.md");
        String exported = mvc.perform(get("/api/v1/articles/reset-password/export"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"reset-password.md\""))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(exported).isEqualTo(Files.readString(file));
    }

    @Test
    void adminContentPageShowsTheLastImportToAdminsOnly() throws Exception {
        mvc.perform(get("/admin/content")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/content").with(user("member").roles("MEMBER"))).andExpect(status().isForbidden());
        String html = mvc.perform(get("/admin/content").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("Last import", "Import now", "reset-password.md");
        mvc.perform(post("/admin/content/import")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_runs", Integer.class))
                .isGreaterThanOrEqualTo(2);
    }

    /**
     * Readers, crawlers and API clients rarely send cookies back; a server-side session per such request would pile
     * up for hours. Only a page search starts one (it remembers the visit's searches for the contact form).
     */
    @Test
    void readingPagesAndCallingTheApiLeavesNoSessionOnTheServer() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : new String[] {
            "/", PUBLIC_ARTICLE, "/categories", "/api/v1/search?q=password", "/api/v1/search/suggest?q=pass"
        }) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().allValues("set-cookie"))
                    .as(path)
                    .noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
        }
        HttpResponse<String> article = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + PUBLIC_ARTICLE))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(article.headers().allValues("set-cookie"))
                .as("the feedback form's CSRF token travels in an HttpOnly, SameSite cookie")
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("XSRF-TOKEN=")
                        .containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Lax"));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
