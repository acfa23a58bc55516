package com.answerloop.search;

import com.answerloop.knowledge.ArticleArchived;
import com.answerloop.knowledge.ArticlePublished;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps articles in the index in step with the knowledge base, after each publishing transaction commits. */
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

    @ApplicationModuleListener
    void on(ArticleArchived event) {
        search.remove(ArticleDocuments.TYPE, event.articleId());
    }
}
