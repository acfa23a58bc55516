package com.answerloop.knowledge;

import java.util.List;

/**
 * An article written in the portal (for example captured from a solved case), before it has a slug.
 *
 * @param categoryPath {@code category} or {@code category/section}, or {@code null}
 * @param body Markdown
 */
public record NewArticle(
        String title, String summary, String body, List<String> tags, Visibility visibility, String categoryPath) {

    public NewArticle {
        tags = tags == null ? List.of() : List.copyOf(tags);
        visibility = visibility == null ? Visibility.PUBLIC : visibility;
    }
}
