package com.answerloop.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.answerloop.shared.markdown.MarkdownRenderer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SourceParserTests {

    private static final LocalDate FILE_DATE = LocalDate.of(2026, 1, 2);
    private final SourceParser parser = new SourceParser(new MarkdownRenderer());

    private ArticleSource parse(String path, String text) throws InvalidSourceException {
        return parser.parseArticle(path, text.getBytes(StandardCharsets.UTF_8), 1024 * 1024, FILE_DATE);
    }

    @Test
    void derivesSlugSummaryVisibilityAndDateWhenFrontMatterOmitsThem() throws Exception {
        ArticleSource source = parse("ops/Backup And Restore.md", """
                ---
                title: Backups
                ---

                Copy the **data** folder while the portal is stopped.

                More text.
                """);
        assertThat(source.slug()).isEqualTo("backup-and-restore");
        assertThat(source.summary()).isEqualTo("Copy the data folder while the portal is stopped.");
        assertThat(source.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(source.updated()).isEqualTo(FILE_DATE);
        assertThat(source.tags()).isEmpty();
    }

    @Test
    void readsEveryFrontMatterField() throws Exception {
        ArticleSource source = parse("a.md", """
                ---
                title: "Search tips: phrases"
                slug: search-tips
                summary: Find faster.
                tags: [Search, tips, search]
                visibility: internal
                updated: 2026-10-02
                ---
                Body
                """);
        assertThat(source.title()).isEqualTo("Search tips: phrases");
        assertThat(source.slug()).isEqualTo("search-tips");
        assertThat(source.tags()).containsExactly("search", "tips");
        assertThat(source.visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(source.updated()).isEqualTo(LocalDate.of(2026, 10, 2));
    }

    @Test
    void readsPromotedAndRejectsAnythingButTrueOrFalse() throws Exception {
        assertThat(parse("a.md", "---\ntitle: A\npromoted: true\n---\nBody\n").promoted())
                .isTrue();
        assertThat(parse("a.md", "---\ntitle: A\n---\nBody\n").promoted()).isFalse();
        assertThatThrownBy(() -> parse("a.md", "---\ntitle: A\npromoted: sometimes\n---\nBody\n"))
                .isInstanceOfSatisfying(InvalidSourceException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).isEqualTo("promoted must be true or false");
                });
    }

    @Test
    void keepsTheFileTextSoExportGivesItBack() throws Exception {
        String text = "---\ntitle: Exact   spacing # comment\ntags: [b, a]\n---\n\nBody with trailing line\n\n";
        assertThat(parse("a.md", text).toMarkdown()).isEqualTo(text);
    }

    @Test
    void rejectsFrontMatterWithoutTitle() {
        assertThatThrownBy(() -> parse("a.md", "---\nsummary: x\n---\nBody\n"))
                .isInstanceOf(InvalidSourceException.class)
                .hasMessageContaining("missing required field 'title'");
    }

    @Test
    void reportsTheLineOfInvalidYaml() {
        assertThatThrownBy(() -> parse("a.md", "---\ntitle: ok\ntags: [a, b\nsummary: x\n---\nBody\n"))
                .isInstanceOfSatisfying(InvalidSourceException.class, e -> {
                    assertThat(e.line()).isBetween(3, 5);
                    assertThat(e.getMessage()).startsWith("invalid YAML in front matter");
                });
    }

    @Test
    void rejectsUnclosedAndMissingFrontMatter() {
        assertThatThrownBy(() -> parse("a.md", "---\ntitle: x\nBody without closing line\n"))
                .hasMessageContaining("front matter is not closed");
        assertThatThrownBy(() -> parse("a.md", "# Just a heading\n")).hasMessageContaining("missing front matter");
    }

    @Test
    void reportsTheLineOfBytesThatAreNotUtf8() {
        byte[] latin1 = "---\ntitle: Caf\u00e9\n---\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> parser.parseArticle("a.md", latin1, 1024, FILE_DATE))
                .isInstanceOfSatisfying(InvalidSourceException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("not valid UTF-8");
                });
    }

    @Test
    void rejectsFilesOverTheSizeLimit() {
        byte[] big = ("---\ntitle: x\n---\n" + "a".repeat(2000)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parseArticle("a.md", big, 1000, FILE_DATE))
                .hasMessageContaining("over the limit of 1000 bytes");
    }

    @Test
    void rejectsInvalidSlugVisibilityAndDateWithTheirLine() {
        assertThatThrownBy(() -> parse("a.md", "---\ntitle: x\nslug: Not A Slug\n---\n"))
                .isInstanceOfSatisfying(
                        InvalidSourceException.class, e -> assertThat(e.line()).isEqualTo(3));
        assertThatThrownBy(() -> parse("a.md", "---\ntitle: x\nvisibility: secret\n---\n"))
                .hasMessageContaining("visibility must be public or internal");
        assertThatThrownBy(() -> parse("a.md", "---\ntitle: x\n\nupdated: yesterday\n---\n"))
                .isInstanceOfSatisfying(
                        InvalidSourceException.class, e -> assertThat(e.line()).isEqualTo(4));
    }

    @Test
    void readsTheReviewTermsAndNamesTheLineOfABadOne() throws Exception {
        ArticleSource source = parse("a.md", """
                ---
                title: A
                owner: kim@example.com
                review_every: 6m
                verified: 2026-03-04
                ---
                Body
                """);
        assertThat(source.review()).isEqualTo(new ReviewTerms("kim@example.com", 180, LocalDate.of(2026, 3, 4)));
        assertThat(parse("b.md", "---\ntitle: B\nreview_every: 12w\n---\nBody\n")
                        .review()
                        .everyDays())
                .isEqualTo(84);
        assertThat(parse("c.md", "---\ntitle: C\n---\nBody\n").review()).isEqualTo(ReviewTerms.NONE);

        assertThatThrownBy(() -> parse("a.md", "---\ntitle: A\n\nreview_every: soon\n---\nBody\n"))
                .isInstanceOfSatisfying(InvalidSourceException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.getMessage())
                            .contains("like 180d, 12w, 6m or 1y")
                            .contains("'soon'");
                });
        assertThatThrownBy(() -> parse("a.md", "---\ntitle: A\nreview_every: 0d\n---\nBody\n"))
                .hasMessageContaining("between 1 day and 10 years");
        assertThatThrownBy(() -> parse("a.md", "---\ntitle: A\nowner: Kim from support\n---\nBody\n"))
                .isInstanceOfSatisfying(InvalidSourceException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("owner must be an email address");
                });
        assertThatThrownBy(() -> parse("a.md", "---\ntitle: A\nverified: last week\n---\nBody\n"))
                .hasMessageContaining("verified must be a date like 2026-10-31");
    }
}
