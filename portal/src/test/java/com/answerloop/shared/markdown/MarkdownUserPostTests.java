package com.answerloop.shared.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Images from other servers in members' posts become links, so no reader's browser fetches them unasked. */
class MarkdownUserPostTests {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void remoteImagesInAPostBecomePlainLinksAndLocalImagesStay() {
        String html = renderer.renderUserPost("""
                Look: ![tracking pixel](https://tracker.example/p.png?who=agents "pixel")
                and ![](//cdn.example/x.gif) and ![Diagram](/kb-assets/article-lifecycle.png)
                and ![upper](HTTPS://tracker.example/q.png)
                """).html();

        assertThat(html)
                .doesNotContain("<img src=\"https://tracker.example", "<img src=\"//cdn.example", "<img src=\"HTTPS:")
                .contains("<a href=\"https://tracker.example/p.png?who&#61;agents\" title=\"pixel\""
                        + " rel=\"nofollow noopener noreferrer\">tracking pixel</a>")
                .contains(
                        "<a href=\"//cdn.example/x.gif\" rel=\"nofollow noopener noreferrer\">//cdn.example/x.gif</a>")
                .contains("<a href=\"HTTPS://tracker.example/q.png\" rel=\"nofollow noopener noreferrer\">upper</a>")
                .contains("<img src=\"/kb-assets/article-lifecycle.png\" alt=\"Diagram\"");
    }

    @Test
    void articlesKeepTheirRemoteImages() {
        assertThat(renderer.render("![Logo](https://example.com/logo.png)").html())
                .contains("<img src=\"https://example.com/logo.png\" alt=\"Logo\"");
    }

    @Test
    void previewsShowAPostAsItWillBeShown() {
        assertThat(renderer.previewHtml("![x](https://tracker.example/p.png)"))
                .doesNotContain("<img")
                .contains("<a href=\"https://tracker.example/p.png\"");
    }
}
