package com.answerloop.knowledge;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review dates and verification: a published article is due for review a set time after an editor last verified it
 * or it was last revised, whichever is later. Editors see due articles in their queue and verify them on the article's
 * editor page; owners get a weekly digest ({@link ReviewDigest}); readers see when an article was last verified.
 *
 * <p>The interval is the article's own ({@code review_every}), else its section's or category's ({@code review_every}
 * in the folder's {@code _index.md}), else {@code answerloop.content.review-every} (a year by default).
 */
@Service
@Transactional(readOnly = true)
public class ArticleReviews {

    private static final Logger log = LoggerFactory.getLogger(ArticleReviews.class);

    private final Articles articles;
    private final ContentSettings settings;
    private final Clock clock;

    ArticleReviews(Articles articles, ContentSettings settings, Clock clock) {
        this.articles = articles;
        this.settings = settings;
        this.clock = clock;
    }

    /** Published articles due for review today or earlier, the longest overdue first. */
    public List<ArticleReview> due() {
        LocalDate today = today();
        return articles.findByState(ArticleState.PUBLISHED).stream()
                .map(article -> review(article, today))
                .filter(ArticleReview::due)
                .sorted(Comparator.comparing(ArticleReview::dueOn).thenComparing(ArticleReview::title))
                .toList();
    }

    /** The review standing of any article, whatever its state. */
    public Optional<ArticleReview> of(String slug) {
        return articles.findBySlug(slug).map(article -> review(article, today()));
    }

    /** Whether an article has this slug, whatever its state. */
    public boolean exists(String slug) {
        return articles.findBySlug(slug).isPresent();
    }

    /** An editor confirms the published article is still right: its next review moves a full interval on. */
    @Transactional
    public ArticleReview verify(String slug, String by) {
        Article article = find(slug);
        if (!article.isPublished()) {
            throw new ArticleProblem("Only published articles are verified; this one is "
                    + article.state().label().toLowerCase(Locale.ROOT) + ".");
        }
        article.verify(today());
        log.info("{} verified {}", by, slug);
        return review(article, today());
    }

    /**
     * An editor names the owner (an email address, or blank for none) and the interval ({@code 180d}, {@code 6m}; blank
     * for the category's or the portal's default).
     */
    @Transactional
    public ArticleReview setTerms(String slug, String owner, String interval, String by) {
        Article article = find(slug);
        String named = owner == null || owner.isBlank() ? null : owner.strip();
        if (named != null && (named.length() > ReviewTerms.MAX_OWNER || !ReviewTerms.isEmailAddress(named))) {
            throw new ArticleProblem("The owner must be an email address, like editor@example.com.");
        }
        Integer days;
        try {
            days = interval == null || interval.isBlank() ? null : ReviewTerms.parseInterval(interval);
        } catch (IllegalArgumentException e) {
            throw new ArticleProblem(e.getMessage().replace("review_every", "The review interval") + ".");
        }
        article.setReviewTerms(named, days);
        log.info("{} set the review terms of {}: owner {}, every {} days", by, slug, named, days);
        return review(article, today());
    }

    ArticleReview review(Article article, LocalDate today) {
        ReviewTerms terms = article.reviewTerms();
        Optional<Integer> categoryDays = article.category() == null
                ? Optional.empty()
                : article.category().reviewEveryDays();
        int days;
        String source;
        if (terms.everyDays() != null) {
            days = terms.everyDays();
            source = "article";
        } else if (categoryDays.isPresent()) {
            days = categoryDays.get();
            source = "category";
        } else {
            days = (int) settings.reviewEvery().toDays();
            source = "default";
        }
        LocalDate revised = article.updatedOn();
        LocalDate last =
                terms.verified() != null && (revised == null || terms.verified().isAfter(revised))
                        ? terms.verified()
                        : revised == null ? today : revised;
        LocalDate dueOn = last.plusDays(days);
        return new ArticleReview(
                article.slug(),
                article.title(),
                terms.owner(),
                days,
                source,
                last,
                terms.verified(),
                dueOn,
                !dueOn.isAfter(today));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private Article find(String slug) {
        return articles.findBySlug(slug).orElseThrow(() -> new ArticleProblem("No article " + slug + "."));
    }
}
