package com.answerloop.knowledge;

import com.answerloop.shared.markdown.RenderedMarkdown;
import java.time.LocalDate;
import java.util.List;

/**
 * A published article ready to show: sanitized HTML, table of contents, breadcrumbs and related
 * articles.
 *
 * @param verified when an editor last confirmed the article is still right, or {@code null}
 */
public record ArticleDetails(
        long id,
        String slug,
        int version,
        String title,
        String summary,
        List<String> tags,
        CategoryRef category,
        CategoryRef section,
        LocalDate updated,
        LocalDate verified,
        Visibility visibility,
        String html,
        List<RenderedMarkdown.Heading> headings,
        int helpfulYes,
        int helpfulNo,
        List<ArticleSummary> related,
        ArticleState state) {

    /** Not validated yet: only agents, editors and admins can open it, and the page says so. */
    public boolean notValidated() {
        return state == ArticleState.NOT_VALIDATED;
    }

    public String url() {
        return "/articles/" + slug;
    }

    /** The headings a table of contents lists: levels 2 and 3. */
    public List<RenderedMarkdown.Heading> tableOfContents() {
        return headings.stream()
                .filter(heading -> heading.level() == 2 || heading.level() == 3)
                .toList();
    }

    /** A category or section, enough to link to it. */
    public record CategoryRef(String slug, String title, String url) {}
}
