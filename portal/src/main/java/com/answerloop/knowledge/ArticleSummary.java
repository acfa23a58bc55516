package com.answerloop.knowledge;

import java.time.LocalDate;

/** An article as it appears in lists: home page, category pages, related articles, the API. */
public record ArticleSummary(
        String slug, String title, String summary, LocalDate updated, String categoryTitle, Visibility visibility) {

    public String url() {
        return "/articles/" + slug;
    }
}
