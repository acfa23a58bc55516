package com.answerloop.shared.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTests {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private String html(String markdown) {
        return renderer.render(markdown).html();
    }

    @Test
    void rawHtmlIsShownAsTextNeverInterpreted() {
        String html =
                html("Hello <script>alert(1)</script> <img src=x onerror=alert(2)>\n\n<iframe src=//evil></iframe>");
        assertThat(html)
                .doesNotContain("<script", "<img", "<iframe", "onerror=")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;iframe");
    }

    @Test
    void dangerousUrlsAreDroppedAndExternalLinksGetRel() {
        String html =
                html("[a](javascript:alert(1)) [b](https://example.com/x) [c](/articles/y) [d](mailto:x@example.com)"
                        + " ![i](data:image/svg+xml;base64,PHN2Zz4=)");
        assertThat(html).doesNotContain("javascript:", "data:image").startsWith("<p>a <a");
        assertThat(html).contains("<a href=\"https://example.com/x\" rel=\"nofollow noopener noreferrer\">b</a>");
        assertThat(html).contains("<a href=\"/articles/y\">c</a>");
        assertThat(html).contains("href=\"mailto:x&#64;example.com\"");
    }

    @Test
    void gfmFeaturesRenderAndSurviveTheSanitizer() {
        String html = html("""
                | Name | Port |
                |:-----|-----:|
                | web  | 8080 |

                ~~old~~ and https://example.org

                - [x] done
                - [ ] todo

                ```bash
                ./scripts/run.sh
                ```
                """);
        assertThat(html).contains("<table>", "<th align=\"left\">Name</th>", "<td align=\"right\">8080</td>");
        assertThat(html).contains("<del>old</del>");
        assertThat(html).contains("<a href=\"https://example.org\"");
        assertThat(html).contains("type=\"checkbox\"").contains("disabled");
        assertThat(html).contains("<code class=\"language-bash\">./scripts/run.sh");
    }

    @Test
    void checklistCheckboxesHaveANameForScreenReaders() {
        String html = html("- [x] Back up the database\n- [ ] Upgrade <input type=\"checkbox\" aria-label=\"x\">\n");
        assertThat(html).contains("aria-label=\"Done\"").contains("aria-label=\"To do\"");
        assertThat(html.split("<input", -1)).as("every checkbox is named").allSatisfy(part -> {
            if (part.contains("type=\"checkbox\"")) {
                assertThat(part).contains("aria-label=");
            }
        });
    }

    @Test
    void headingsGetStableAnchorsThatTheTableOfContentsUses() {
        RenderedMarkdown rendered = renderer.render("# Title\n\n## Install it\n\n### Step `one`\n\n## Install it\n");
        assertThat(rendered.headings())
                .extracting(RenderedMarkdown.Heading::id)
                .containsExactly("title", "install-it", "step-one", "install-it-1");
        assertThat(rendered.html()).contains("<h2 id=\"install-it\">", "<h2 id=\"install-it-1\">");
    }

    @Test
    void plainTextHasTheWordsWithoutMarkupOrLinkTargets() {
        RenderedMarkdown rendered = renderer.render(
                "Read **the** [guide](https://example.com/guide).\n\n| a | b |\n|---|---|\n| c | d |\n");
        assertThat(rendered.plainText()).contains("Read the guide.").doesNotContain("example.com", "|", "**");
        assertThat(rendered.firstParagraph()).isEqualTo("Read the guide.");
    }

    @Test
    void linkResolverRewritesDestinationsBeforeSanitizing() {
        String html = renderer.render("[x](other.md) ![y](pic.png)", dest -> "/resolved/" + dest)
                .html();
        assertThat(html).contains("href=\"/resolved/other.md\"", "src=\"/resolved/pic.png\"");
    }
}
