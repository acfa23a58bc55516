package com.answerloop.knowledge;

import java.util.List;

/**
 * A category or section page: its description and its visible articles, grouped by section.
 *
 * @param parent the category a section belongs to; {@code null} for a category
 */
public record CategoryPage(
        String title, String description, String url, ArticleDetails.CategoryRef parent, List<Group> groups) {

    public int articleCount() {
        return groups.stream().mapToInt(group -> group.articles().size()).sum();
    }

    /** Articles of one section, or the category's own articles when {@code section} is null. */
    public record Group(ArticleDetails.CategoryRef section, String description, List<ArticleSummary> articles) {}
}
