package com.answerloop.search;

import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.ArticleState;
import com.answerloop.knowledge.IndexableArticle;
import com.answerloop.knowledge.Visibility;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Articles as search documents: published ones, and not validated ones for agents (labelled with their state). */
@Component
class ArticleDocuments implements DocumentSource {

    static final String TYPE = "article";

    private final ArticleManagement articles;

    ArticleDocuments(ArticleManagement articles) {
        this.articles = articles;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Stream<SearchDocument> all() {
        return articles.searchableArticles().stream().map(ArticleDocuments::toDocument);
    }

    static SearchDocument toDocument(IndexableArticle article) {
        return new SearchDocument(
                TYPE,
                article.id(),
                article.slug(),
                article.url(),
                article.title(),
                article.summary(),
                article.headings(),
                article.bodyText(),
                article.tags(),
                article.categorySlug(),
                article.categoryTitle(),
                article.sectionSlug(),
                article.sectionTitle(),
                article.visibility() == Visibility.INTERNAL,
                article.updated(),
                article.state() == ArticleState.NOT_VALIDATED ? SearchDocument.NOT_VALIDATED : null);
    }
}
