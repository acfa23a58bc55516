package com.answerloop.knowledge;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything a search index needs to know about the current version of a published (or not validated) article,
 * so that consumers never call back into the knowledge module.
 *
 * @param bodyText the rendered body as plain text
 * @param headings the section headings, in order
 * @param state {@link ArticleState#PUBLISHED} or {@link ArticleState#NOT_VALIDATED} (agents only)
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
        List<String> headings,
        ArticleState state) {

    /** A published article. */
    public IndexableArticle(
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
        this(
                id,
                slug,
                version,
                title,
                summary,
                tags,
                categorySlug,
                categoryTitle,
                sectionSlug,
                sectionTitle,
                visibility,
                updated,
                bodyText,
                headings,
                ArticleState.PUBLISHED);
    }

    public String url() {
        return "/articles/" + slug;
    }
}
