package com.answerloop.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.answerloop.community.CommunitySeeds;
import com.answerloop.support.Content;
import com.answerloop.support.Mailbox;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Review dates and verification, as editors, owners and readers meet them: real kb-content files imported into an
 * H2 database, the editor's pages through MockMvc, the weekly digest through a real SMTP server (GreenMail). Dates in
 * the files are set relative to today, so the test holds on any day.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:review-${random.uuid};DB_CLOSE_DELAY=-1;MODE=MySQL;"
                    + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
            "answerloop.content.import-on-start=false",
            "answerloop.accounts.admin-email=first-admin@review.test",
            "answerloop.accounts.admin-password=correct horse battery staple 42",
        })
@AutoConfigureMockMvc
class ArticleReviewIT {

    private static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Path DATA_DIR = Content.temporaryDirectory("answerloop-review-data");
    private static final Path CONTENT_DIR = Content.temporaryDirectory("answerloop-review-content");
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    // started once for the test JVM and left running: the MariaDB subclass's context uses the same server after
    // this class's tests, and the digest test counts only the mails it caused
    static {
        MAIL.start();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ContentImporter importer;

    @Autowired
    ArticleReviews reviews;

    @Autowired
    ArticleManagement articles;

    @Autowired
    ReviewDigest digest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService userDetails;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        // a subclass on another database names its own subfolder: two live contexts must never share an index
        registry.add("answerloop.data-dir", () -> DATA_DIR + "/${answerloop.test.data-subdir:h2}");
        registry.add("answerloop.content-dir", CONTENT_DIR::toString);
    }

    /**
     * Guides are reviewed every 90 days (their folder says so), one guide every 30 (its own file), the rest of the
     * knowledge base yearly (the portal's default).
     */
    @BeforeEach
    void knowledgeBase() throws IOException {
        // each test starts from the files alone: no verification or web-set terms of an earlier test
        for (String table : List.of(
                "review_digests", "article_feedback", "article_tags", "article_versions", "articles", "import_runs")) {
            jdbc.update("delete from " + table);
        }
        jdbc.update("delete from categories where parent_id is not null");
        jdbc.update("delete from categories");
        write("guides/_index.md", "---\ntitle: Guides\nreview_every: 90d\n---\n");
        write("guides/old-guide.md", article("Old guide", 100, ""));
        write("guides/fresh-guide.md", article("Fresh guide", 10, ""));
        write("guides/own-interval.md", article("Own interval", 40, "review_every: 30d\nowner: kim@review.test\n"));
        write("other/old-note.md", article("Old note", 400, "owner: kim@review.test\n"));
        write("other/recent-note.md", article("Recent note", 300, "owner: lee@review.test\n"));
        write("other/nobody-staff.md", article("Unstaffed note", 500, "owner: nobody@review.test\n"));
        ImportResult result = importer.importFrom(CONTENT_DIR, "test");
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void anArticleIsDueItsIntervalAfterItsLastRevisionWithTheFilesTheCategorysOrTheDefaultInterval() {
        List<ArticleReview> due = reviews.due();

        assertThat(due)
                .extracting(ArticleReview::slug)
                .containsExactly("nobody-staff", "old-note", "old-guide", "own-interval");
        assertThat(due)
                .extracting(ArticleReview::intervalSource)
                .containsExactly("default", "default", "category", "article");
        ArticleReview ownInterval = due.getLast();
        assertThat(ownInterval.dueOn()).isEqualTo(TODAY.minusDays(10));
        assertThat(ownInterval.owner()).isEqualTo("kim@review.test");
        assertThat(reviews.of("fresh-guide").orElseThrow().dueOn()).isEqualTo(TODAY.plusDays(80));
        assertThat(reviews.of("recent-note").orElseThrow().due()).isFalse();
    }

    @Test
    void anEditorVerifiesADueArticleFromTheQueueAndReadersSeeTheDate() throws Exception {
        String editor = staff("Eve Editor", "EDITOR");
        String queue = page(get("/editor"), editor);
        assertThat(queue).contains("Due for review").contains("Old guide").contains("Unstaffed note");
        String health = page(get("/admin/insights/articles"), editor);
        assertThat(health).contains("review due since " + TODAY.minusDays(10));
        assertThat(healthRowsDue(editor)).contains("Old guide");

        MockHttpServletResponse verified = mvc.perform(post("/editor/articles/old-guide/verify")
                        .with(as(editor))
                        .with(csrf()))
                .andReturn()
                .getResponse();

        assertThat(verified.getRedirectedUrl()).isEqualTo("/editor/articles/old-guide#review-heading");
        assertThat(reviews.due()).extracting(ArticleReview::slug).doesNotContain("old-guide");
        assertThat(reviews.of("old-guide").orElseThrow().dueOn()).isEqualTo(TODAY.plusDays(90));
        String readerPage = mvc.perform(get("/articles/old-guide"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(readerPage).contains("Verified on <time datetime=\"" + TODAY + "\"");
        assertThat(page(get("/editor/articles/old-guide"), editor)).contains("Verified on");
        assertThat(healthRowsDue(editor)).doesNotContain("Old guide").contains("Own interval");
    }

    @Test
    void onlyEditorsVerifyAndBadTermsAreRefusedWithAMessage() throws Exception {
        String member = staff("Mo Member");
        int status = mvc.perform(post("/editor/articles/old-guide/verify")
                        .with(as(member))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isEqualTo(403);
        assertThat(reviews.of("old-guide").orElseThrow().verifiedOn()).isNull();

        String editor = staff("Ed Terms", "EDITOR");
        var refused = mvc.perform(post("/editor/articles/old-guide/review-terms")
                        .with(as(editor))
                        .with(csrf())
                        .param("owner", "kim")
                        .param("interval", "soon"))
                .andReturn();
        assertThat(String.valueOf(refused.getFlashMap().get("error")))
                .isEqualTo("The owner must be an email address, like editor@example.com.");
        var refusedInterval = mvc.perform(post("/editor/articles/old-guide/review-terms")
                        .with(as(editor))
                        .with(csrf())
                        .param("owner", "")
                        .param("interval", "soon"))
                .andReturn();
        assertThat(String.valueOf(refusedInterval.getFlashMap().get("error")))
                .contains("The review interval must be a number of days, weeks, months or years");
        assertThat(reviews.of("old-guide").orElseThrow().intervalSource()).isEqualTo("category");
    }

    @Test
    void exportWritesWhatEditorsChangedOnTheWebSoImportingItBackKeepsIt() throws Exception {
        String editor = staff("Ed Export", "EDITOR");
        mvc.perform(post("/editor/articles/old-guide/review-terms")
                .with(as(editor))
                .with(csrf())
                .param("owner", "pat@review.test")
                .param("interval", "6m"));
        mvc.perform(post("/editor/articles/old-guide/verify").with(as(editor)).with(csrf()));

        String staffExport = articles.exportAnyState("old-guide").orElseThrow();
        assertThat(staffExport)
                .contains("\nowner: pat@review.test\n")
                .contains("\nreview_every: 180d\n")
                .contains("\nverified: " + TODAY + "\n")
                .endsWith("---\nThe body of Old guide.\n");
        // the owner's address is staff information
        assertThat(articles.export("old-guide", false).orElseThrow()).doesNotContain("owner:");

        // An editor clears the terms on the web; importing the exported file brings them back.
        reviews.setTerms("old-guide", "", "", "test");
        write("guides/old-guide.md", staffExport);
        assertThat(importer.importFrom(CONTENT_DIR, "test").problems()).isEmpty();
        ArticleReview back = reviews.of("old-guide").orElseThrow();
        assertThat(back.owner()).isEqualTo("pat@review.test");
        assertThat(back.everyDays()).isEqualTo(180);
        assertThat(back.verifiedOn()).isEqualTo(TODAY);
        assertThat(articles.exportAnyState("old-guide").orElseThrow()).isEqualTo(staffExport);
    }

    @Test
    void eachOwnerWithAStaffAccountGetsOneDigestAWeekListingTheirDueArticles() throws Exception {
        CommunitySeeds.account(jdbc, "kim@review.test", "Kim Owner", "{noop}unused", 30, "AGENT");
        CommunitySeeds.account(jdbc, "lee@review.test", "Lee Owner", "{noop}unused", 30, "EDITOR");
        int before = Mailbox.mailsTo(MAIL, "kim@review.test").size();

        assertThat(digest.send()).isEqualTo(1);
        assertThat(digest.send()).as("a second run in the same week").isZero();

        MimeMessage mail = Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> Mailbox.mailsTo(MAIL, "kim@review.test"), mails -> mails.size() > before)
                .getLast();
        assertThat(mail.getSubject()).isEqualTo("[Answerloop] 2 articles you own are due for review");
        assertThat(Mailbox.text(mail))
                .contains("Hello Kim Owner")
                .contains("- Old note")
                .contains("- Own interval")
                .contains("/editor/articles/own-interval")
                .doesNotContain("Recent note")
                .doesNotContain("Unstaffed note");
        // nothing of Lee's is due; nobody@ has no staff account, so internal titles do not go to that address
        assertThat(Mailbox.mailsTo(MAIL, "lee@review.test")).isEmpty();
        assertThat(Mailbox.mailsTo(MAIL, "nobody@review.test")).isEmpty();
    }

    /** The "Due for review" table of the article health insights, as CSV. */
    private String healthRowsDue(String editor) throws Exception {
        return page(get("/admin/insights/articles/review-due.csv"), editor);
    }

    private static String article(String title, int revisedDaysAgo, String extraFrontMatter) {
        return "---\ntitle: " + title + "\nupdated: " + TODAY.minusDays(revisedDaysAgo) + "\n" + extraFrontMatter
                + "---\nThe body of " + title + ".\n";
    }

    private String staff(String name, String... roles) {
        String email = name.toLowerCase().replace(' ', '.') + "-" + System.nanoTime() + "@review.test";
        CommunitySeeds.account(jdbc, email, name, "{noop}unused", 30, roles);
        return email;
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor as(String email) {
        return user(userDetails.loadUserByUsername(email));
    }

    private String page(MockHttpServletRequestBuilder request, String email) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(request.with(as(email))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private static void write(String relative, String text) throws IOException {
        Path file = CONTENT_DIR.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
