package com.answerloop.knowledge;

import java.time.Instant;

/**
 * An article as its author and the editors work on it: the current version's Markdown, its rendered (sanitized)
 * preview, state and the numbers editors weigh.
 *
 * @param author who created the article (an email address for articles written in the portal)
 * @param categoryPath {@code category} or {@code category/section}; {@code null} while it has none
 * @param promoted whether editors chose it for the home page's list until readers' visits decide it
 */
public record ArticleDraft(
        long id,
        String slug,
        String title,
        String summary,
        String body,
        String html,
        ArticleState state,
        Visibility visibility,
        int version,
        String author,
        Instant modifiedAt,
        int helpfulYes,
        int helpfulNo,
        String categoryPath,
        boolean promoted) {

    /** The search index key of this article (see the search module). */
    public String documentKey() {
        return "article:" + id;
    }
}
