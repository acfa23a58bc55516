package com.answerloop.search;

import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.ArticleState;
import com.answerloop.knowledge.IndexableArticle;
import com.answerloop.knowledge.Visibility;
import com.answerloop.knowledge.spi.SimilarArticles;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Articles as search documents: published ones, and not validated ones for agents (labelled with their state). Also
 * finds an article's related articles for its page, by searching for its title in words and meaning.
 */
@Component
class ArticleDocuments implements DocumentSource, SimilarArticles {

    static final String TYPE = "article";

    private final ArticleManagement articles;
    // Looked up on use: the index keeper needs this source, and search management needs the index keeper.
    private final ObjectProvider<SearchManagement> search;

    ArticleDocuments(ArticleManagement articles, ObjectProvider<SearchManagement> search) {
        this.articles = articles;
        this.search = search;
    }

    /**
     * The articles nearest in meaning to the whole article: each of its passages is compared with every other
     * article's, so an article on the same problem is found whatever its words, category or tags. Searching by the
     * title's words instead listed articles sharing one common word ("shows", "display") ahead of it.
     */
    @Override
    public List<Long> similarTo(long articleId, boolean seesInternal, int limit) {
        return search.getObject().nearestInMeaning(TYPE, articleId, seesInternal, limit);
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
