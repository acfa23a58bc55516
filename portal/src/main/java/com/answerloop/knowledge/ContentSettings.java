package com.answerloop.knowledge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the kb-content folder is imported.
 *
 * @param importOnStart import at every start (cheap: unchanged files are skipped by hash)
 * @param importOnly import, print the summary and exit (the {@code --import-only} flag)
 * @param maxFileSize files above this size are rejected
 * @param readOnlyCopies how many of the most popular articles get a rendered copy kept after start, so read-only
 *     mode can show them even if nobody read them since (every article read is kept too, up to 5,000)
 * @param readOnlyCopiesAfter how long after start to make those copies, out of the way of the start-up import
 * @param pageCacheTtl how long another node may serve an article page from memory after a change (this node drops it
 *     at once; see {@link ArticlePages})
 * @param reviewEvery how long after its last verification or revision an article is due for review, unless the article
 *     or its category sets an interval ({@link ArticleReviews})
 */
@ConfigurationProperties("answerloop.content")
record ContentSettings(
        @DefaultValue("true") boolean importOnStart,
        @DefaultValue("false") boolean importOnly,
        @DefaultValue("1MB") DataSize maxFileSize,
        @DefaultValue("500") int readOnlyCopies,
        @DefaultValue("30s") Duration readOnlyCopiesAfter,

        @DefaultValue("30s") Duration pageCacheTtl,
        @DefaultValue("365d") Duration reviewEvery) {}
