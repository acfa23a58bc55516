package com.answerloop.search;

import com.answerloop.knowledge.ArticleArchived;
import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.ArticlePublished;
import com.answerloop.knowledge.ArticleSentBack;
import com.answerloop.knowledge.ArticleSubmitted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps articles in the index in step with the knowledge base and its KCS states, after each transaction commits. */
@Component
class ArticleIndexing {

    private final SearchManagement search;
    private final ArticleManagement articles;
    private final IndexChangeFeed feed;

    ArticleIndexing(SearchManagement search, ArticleManagement articles, IndexChangeFeed feed) {
        this.search = search;
        this.articles = articles;
        this.feed = feed;
    }

    @ApplicationModuleListener
    void on(ArticlePublished event) {
        sync(event.article().id());
    }

    /** Not validated articles are indexed for agents (labelled, never public) so they can be found and reused. */
    @ApplicationModuleListener
    void on(ArticleSubmitted event) {
        sync(event.article().id());
    }

    /** Back to work in progress: its author's alone again, so out of the index. */
    @ApplicationModuleListener
    void on(ArticleSentBack event) {
        sync(event.articleId());
    }

    @ApplicationModuleListener
    void on(ArticleArchived event) {
        sync(event.articleId());
    }

    /** A phrasing was learned or removed: written into the article's index entry. */
    @ApplicationModuleListener
    void on(ArticlePhrasingsChanged event) {
        sync(event.articleId());
    }

    /**
     * Writes the article as it is now, not as the event saw it: listeners run asynchronously after commit and may be
     * delivered out of order (submitted, then published a moment later), and an older payload must never overwrite a
     * newer document. Serialised, so a read of the current state is always followed by its own write. The other
     * nodes of a cluster then do the same ({@link IndexChangeFeed}).
     */
    private void sync(long articleId) {
        apply(articleId);
        feed.announce(ArticleDocuments.TYPE, articleId);
    }

    /** Writes the article's current state into this node's index: a local change, or one another node announced. */
    synchronized void apply(long articleId) {
        articles.searchableArticle(articleId)
                .ifPresentOrElse(
                        article -> search.index(ArticleDocuments.toDocument(article)),
                        () -> search.remove(ArticleDocuments.TYPE, articleId));
    }
}
