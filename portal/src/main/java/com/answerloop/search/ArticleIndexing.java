package com.answerloop.search;

import com.answerloop.knowledge.ArticleArchived;
import com.answerloop.knowledge.ArticlePublished;
import com.answerloop.knowledge.ArticleSentBack;
import com.answerloop.knowledge.ArticleSubmitted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps articles in the index in step with the knowledge base and its KCS states, after each transaction commits. */
@Component
class ArticleIndexing {

    private final SearchManagement search;

    ArticleIndexing(SearchManagement search) {
        this.search = search;
    }

    @ApplicationModuleListener
    void on(ArticlePublished event) {
        search.index(ArticleDocuments.toDocument(event.article()));
    }

    /** Not validated articles are indexed for agents (labelled, never public) so they can be found and reused. */
    @ApplicationModuleListener
    void on(ArticleSubmitted event) {
        search.index(ArticleDocuments.toDocument(event.article()));
    }

    /** Back to work in progress: its author's alone again, so out of the index. */
    @ApplicationModuleListener
    void on(ArticleSentBack event) {
        search.remove(ArticleDocuments.TYPE, event.articleId());
    }

    @ApplicationModuleListener
    void on(ArticleArchived event) {
        search.remove(ArticleDocuments.TYPE, event.articleId());
    }
}
