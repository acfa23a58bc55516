package com.answerloop.capture;

import com.answerloop.knowledge.ArticlePublished;
import com.answerloop.knowledge.IndexableArticle;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a case's link to the article captured from it current: linked to the draft when it was captured, it names the
 * published article once an editor approves it.
 */
@Component
class CapturedArticleLinks {

    private final CaptureSources sources;
    private final ArticleLinks links;

    CapturedArticleLinks(CaptureSources sources, ArticleLinks links) {
        this.sources = sources;
        this.links = links;
    }

    @ApplicationModuleListener
    void on(ArticlePublished event) {
        IndexableArticle article = event.article();
        sources.findByArticleSlug(article.slug())
                .filter(source -> source.kind() == CaptureSource.Kind.CASE)
                .ifPresent(source -> links.capturedArticlePublished(source.reference(), article));
    }
}
