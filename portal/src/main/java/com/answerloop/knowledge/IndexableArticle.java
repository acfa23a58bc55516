package com.answerloop.knowledge;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything a search index needs to know about the current published version of an article,
 * so that consumers never call back into the knowledge module.
 *
 * @param bodyText the rendered body as plain text
 * @param headings the section headings, in order
 */
public record IndexableArticle(
        long id,
        String slug,
        int version,
        String title,
        String summary,
        List<String> tags,
        String categorySlug,
        String categoryTitle,
        String sectionSlug,
        String sectionTitle,
        Visibility visibility,
        LocalDate updated,
        String bodyText,
        List<String> headings) {

    public String url() {
        return "/articles/" + slug;
    }
}
