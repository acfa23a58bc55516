package com.answerloop.knowledge;

import com.answerloop.shared.readonly.DatabaseFailures;
import com.answerloop.shared.readonly.ReadOnlyMode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Article pages as readers get them, kept in memory twice over:
 * <ul>
 *   <li>fresh pages, so a page view needs no database round trip: the rendered version, its metadata, the "helpful"
 *       counts and the related articles. This node drops them after any article is published, revised, submitted,
 *       sent back, archived or rated; other nodes see the change within {@code answerloop.content.page-cache-ttl};
 *   <li>the last copy shown of each page, kept while the database cannot be reached (read-only mode) so readers still
 *       get the article; copies of the most popular ones are made a while after start. An article with no copy is
 *       rendered from its kb-content file ({@link ArticleFiles}).
 * </ul>
 * Both hold the same objects, so keeping a page twice costs little.
 */
@Component
class ArticlePages {

    private static final Logger log = LoggerFactory.getLogger(ArticlePages.class);
    private static final int MAX_PAGES = 5_000;

    private record Key(String slug, boolean canSeeInternal) {}

    private final ArticleManagement articles;
    private final HomeArticles lists;
    private final ReadOnlyMode readOnly;
    private final ContentSettings settings;
    private final ArticleFiles files;
    private final Cache<Key, ArticleDetails> fresh;
    private final Cache<Key, ArticleDetails> lastShown =
            Caffeine.newBuilder().maximumSize(MAX_PAGES).build();

    ArticlePages(
            ArticleManagement articles,
            HomeArticles lists,
            ReadOnlyMode readOnly,
            ContentSettings settings,
            ArticleFiles files) {
        this.articles = articles;
        this.files = files;
        this.lists = lists;
        this.readOnly = readOnly;
        this.settings = settings;
        this.fresh = Caffeine.newBuilder()
                .maximumSize(MAX_PAGES)
                .expireAfterWrite(settings.pageCacheTtl())
                .build();
    }

    /** Keeps copies of the most read articles a while after start, so an outage soon after start still shows them. */
    @EventListener(ApplicationReadyEvent.class)
    void keepCopiesOfPopularArticles() {
        if (settings.readOnlyCopies() <= 0) {
            return;
        }
        Thread.ofVirtual().name("article-copies").start(() -> {
            try {
                Thread.sleep(settings.readOnlyCopiesAfter());
                for (ArticleSummary summary : lists.popular(settings.readOnlyCopies(), false)) {
                    article(summary.slug(), false);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.info("Kept no copies of popular articles for read-only mode: {}", e.getMessage());
            }
        });
    }

    /** {@link ArticleManagement#article}, from memory when this node served the page recently. */
    Optional<ArticleDetails> article(String slug, boolean canSeeInternal) {
        Key key = new Key(slug, canSeeInternal);
        ArticleDetails kept = lastShown.getIfPresent(key);
        if (kept != null && readOnly.active()) {
            return Optional.of(kept);
        }
        try {
            Optional<ArticleDetails> found = Optional.ofNullable(
                    fresh.get(key, k -> articles.article(slug, canSeeInternal).orElse(null)));
            found.ifPresentOrElse(article -> lastShown.put(key, article), () -> lastShown.invalidate(key));
            return found;
        } catch (RuntimeException e) {
            if (!DatabaseFailures.unavailable(e)) {
                throw e;
            }
            if (kept != null) {
                return Optional.of(kept);
            }
            // nothing kept: the page from its kb-content file, or 503 when there is none (it may exist all the same)
            return Optional.of(files.article(slug, canSeeInternal).orElseThrow(() -> e));
        }
    }

    // After completion rather than after commit: Spring Modulith keeps a durable publication for every after-commit
    // listener, which a cache does not need (dropping it after a rollback costs one reload).
    @TransactionalEventListener(
            phase = TransactionPhase.AFTER_COMPLETION,
            fallbackExecution = true,
            classes = {
                ArticlePublished.class,
                ArticleSubmitted.class,
                ArticleSentBack.class,
                ArticleArchived.class,
                ArticleRated.class
            })
    void articleChanged() {
        fresh.invalidateAll();
    }
}
