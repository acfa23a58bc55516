package com.answerloop.knowledge;

import com.answerloop.shared.markdown.RenderedMarkdown;

/** Maps the knowledge entities to the read-only views other modules and pages see. */
final class ArticleViews {

    private ArticleViews() {}

    static IndexableArticle indexable(Article article, ArticleVersion version, RenderedMarkdown rendered) {
        Category leaf = article.category();
        Category top = leaf == null ? null : leaf.topLevel();
        Category section = leaf != null && leaf.isSection() ? leaf : null;
        return new IndexableArticle(
                article.id(),
                article.slug(),
                version.number(),
                version.title(),
                version.summary(),
                version.tagList(),
                top == null ? null : top.slug(),
                top == null ? null : top.title(),
                section == null ? null : section.slug(),
                section == null ? null : section.title(),
                version.visibility(),
                version.updatedOn(),
                rendered.plainText(),
                rendered.headings().stream().map(RenderedMarkdown.Heading::text).toList(),
                article.state() == ArticleState.NOT_VALIDATED ? ArticleState.NOT_VALIDATED : ArticleState.PUBLISHED);
    }

    static ArticleSummary summary(Article article) {
        Category leaf = article.category();
        return new ArticleSummary(
                article.slug(),
                article.title(),
                article.summary(),
                article.updatedOn(),
                leaf == null ? null : leaf.topLevel().title(),
                article.visibility());
    }

    static ArticleDetails.CategoryRef ref(Category category) {
        return category == null
                ? null
                : new ArticleDetails.CategoryRef(category.slug(), category.title(), category.url());
    }
}
