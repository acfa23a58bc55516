package com.answerloop.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.support.Content;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The kb-content import against a real database and real files. Subclasses choose the database
 * (embedded H2, or MariaDB for the mysql profile).
 */
abstract class ContentImportTests {

    @Autowired
    ContentImporter importer;

    @Autowired
    ArticleManagement articles;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path content;

    @BeforeEach
    void emptyDatabase() {
        for (String table :
                List.of("article_feedback", "article_tags", "article_versions", "articles", "import_runs")) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.update("DELETE FROM categories WHERE parent_id IS NOT NULL");
        jdbc.update("DELETE FROM categories");
    }

    @Test
    void importsEveryShippedArticleAndExportsEachByteForByte() throws IOException {
        Path shipped = Content.shippedKnowledgeBase();
        List<Path> files = articleFiles(shipped);

        ImportResult result = importer.importFrom(shipped, "test");

        assertThat(result.problems()).isEmpty();
        assertThat(result.created()).isEqualTo(files.size()).isGreaterThanOrEqualTo(30);
        for (Path file : files) {
            String slug = jdbc.queryForObject(
                    "SELECT slug FROM articles WHERE source_path = ?",
                    String.class,
                    shipped.relativize(file).toString().replace('\\', '/'));
            String exported = articles.export(slug, true).orElseThrow();
            assertThat(exported).as("export of %s", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        }
    }

    @Test
    void importIsIdempotentByContentHash() {
        Content.copyTree(Content.shippedKnowledgeBase(), content);
        ImportResult first = importer.importFrom(content, "test");

        ImportResult second = importer.importFrom(content, "test");

        assertThat(second.created() + second.updated() + second.archived() + second.failed())
                .isZero();
        assertThat(second.unchanged()).isEqualTo(first.created());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM article_versions", Integer.class))
                .isEqualTo(first.created());
    }

    @Test
    void changedFileBecomesANewVersionAndKeepsTheOldOne() throws IOException {
        write("guides/start.md", "---\ntitle: Start\n---\nFirst words.\n");
        importer.importFrom(content, "test");
        write("guides/start.md", "---\ntitle: Start here\n---\nSecond words.\n");

        ImportResult result = importer.importFrom(content, "test");

        assertThat(result.updated()).isEqualTo(1);
        assertThat(articles.article("start", false).orElseThrow().title()).isEqualTo("Start here");
        assertThat(jdbc.queryForList(
                        "SELECT v.body FROM article_versions v JOIN articles a ON a.id = v.article_id"
                                + " WHERE a.slug = 'start' ORDER BY v.number",
                        String.class))
                .containsExactly("First words.\n", "Second words.\n");
    }

    @Test
    void removedFileArchivesItsArticleWithoutDeletingIt() throws IOException {
        write("guides/old.md", "---\ntitle: Old\n---\nBody\n");
        write("guides/new.md", "---\ntitle: New\n---\nBody\n");
        importer.importFrom(content, "test");
        Files.delete(content.resolve("guides/old.md"));

        ImportResult result = importer.importFrom(content, "test");

        assertThat(result.archived()).isEqualTo(1);
        assertThat(articles.article("old", true)).isEmpty();
        assertThat(articles.isArchived("old")).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM article_versions", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void malformedFilesAreReportedWithPathLineAndReasonWhileTheRestImports() throws IOException {
        write("guides/good.md", "---\ntitle: Good\n---\nFine.\n");
        write("guides/bad-yaml.md", "---\ntitle: Bad\ntags: [a, b\n---\nBody\n");
        write("guides/no-title.md", "---\nsummary: nothing\n---\nBody\n");
        write("guides/unclosed.md", "---\ntitle: Never closed\nBody\n");
        write("guides/dup-one.md", "---\ntitle: One\nslug: same\n---\nBody\n");
        write("guides/dup-two.md", "---\ntitle: Two\nslug: same\n---\nBody\n");
        Files.write(
                content.resolve("guides/latin1.md"),
                "---\ntitle: Caf\u00e9\n---\nBody\n".getBytes(StandardCharsets.ISO_8859_1));
        write("guides/huge.md", "---\ntitle: Huge\n---\n" + "x".repeat(1_100_000));

        ImportResult result = importer.importFrom(content, "test");

        assertThat(result.created()).isEqualTo(2);
        assertThat(result.failed()).isEqualTo(6);
        assertThat(result.problems())
                .extracting(ImportProblem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("guides/bad-yaml.md:").contains("invalid YAML"))
                .anySatisfy(p -> assertThat(p).startsWith("guides/no-title.md:2: missing required field 'title'"))
                .anySatisfy(p -> assertThat(p).startsWith("guides/unclosed.md:1: front matter is not closed"))
                .anySatisfy(p -> assertThat(p)
                        .startsWith("guides/dup-two.md:1: duplicate slug 'same'")
                        .contains("guides/dup-one.md"))
                .anySatisfy(p -> assertThat(p).startsWith("guides/latin1.md:2: not valid UTF-8"))
                .anySatisfy(p -> assertThat(p).startsWith("guides/huge.md:1: file is"));
        assertThat(articles.lastImport().orElseThrow().problems()).hasSize(6);
    }

    @Test
    void aFileNestedTooDeeplyToRenderIsReportedAndSkippedWhileTheRestImport() throws IOException {
        write("guides/good-one.md", "---\ntitle: Good one\n---\nFirst good article.\n");
        write("guides/quote-bomb.md", "---\ntitle: Quote bomb\nsummary: deep\n---\n" + ">".repeat(100_000) + " boom\n");
        write("guides/list-bomb.md", "---\ntitle: List bomb\n---\nIntro.\n\n" + "- ".repeat(50_000) + "x\n");
        write("guides/good-two.md", "---\ntitle: Good two\n---\n> A quote\n> > nested twice is fine.\n");

        ImportResult result = importer.importFrom(content, "test");

        assertThat(result.created()).isEqualTo(2);
        assertThat(result.problems())
                .extracting(ImportProblem::toString)
                .anySatisfy(p -> assertThat(p)
                        .startsWith("guides/quote-bomb.md:5: body cannot be rendered")
                        .contains("more than 50 levels deep"))
                .anySatisfy(p -> assertThat(p).startsWith("guides/list-bomb.md:4: body cannot be rendered"))
                .hasSize(2);
        assertThat(articles.article("good-two", false).orElseThrow().html()).contains("<blockquote>");
        assertThat(articles.article("quote-bomb", false)).isEmpty();
    }

    @Test
    void aBrokenEditKeepsThePublishedVersionOnline() throws IOException {
        write("guides/stable.md", "---\ntitle: Stable\n---\nGood content.\n");
        importer.importFrom(content, "test");
        write("guides/stable.md", "---\ntitle: [unclosed\n---\nBroken edit.\n");

        ImportResult result = importer.importFrom(content, "test");

        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.archived()).isZero();
        ArticleDetails article = articles.article("stable", false).orElseThrow();
        assertThat(article.html()).contains("Good content.");
    }

    @Test
    void foldersBecomeCategoriesAndSectionsAndRelativeLinksBecomePortalUrls() throws IOException {
        write("ops/_index.md", "---\ntitle: Operators\ndescription: Run it\norder: 2\n---\n");
        write("ops/backup/_index.md", "---\ntitle: Backups\n---\n");
        write("ops/backup/restore.md", """
                ---
                title: Restore
                ---
                See [the install guide](../../start/install.md#ports) and ![diagram](../../assets/d.png).
                """);
        write("start/install.md", "---\ntitle: Install\n---\nBody\n");

        importer.importFrom(content, "test");

        ArticleDetails restore = articles.article("restore", false).orElseThrow();
        assertThat(restore.category().title()).isEqualTo("Operators");
        assertThat(restore.section().title()).isEqualTo("Backups");
        assertThat(restore.html()).contains("href=\"/articles/install#ports\"").contains("src=\"/kb-assets/d.png\"");
        assertThat(articles.categories(false))
                .extracting(CategoryOverview::title)
                .contains("Operators", "Start");
    }

    @Test
    void internalArticlesAreHiddenFromPublicReaders() throws IOException {
        write("agents/playbook.md", "---\ntitle: Playbook\nvisibility: internal\n---\nSecret steps.\n");

        importer.importFrom(content, "test");

        assertThat(articles.article("playbook", false)).isEmpty();
        assertThat(articles.article("playbook", true)).isPresent();
        assertThat(articles.categories(false)).isEmpty();
    }

    private void write(String relative, String text) throws IOException {
        Path file = content.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static List<Path> articleFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> path.toString().endsWith(".md"))
                    .filter(path -> !path.getFileName().toString().equals("_index.md"))
                    .filter(path -> !root.relativize(path).startsWith("assets"))
                    .sorted()
                    .toList();
        }
    }
}
