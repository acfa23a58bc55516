package com.answerloop.knowledge;

import com.answerloop.shared.PortalSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The knowledge module's entry point: reading articles and categories, feedback, import and export. */
@Service
@Transactional(readOnly = true)
public class ArticleManagement {

    private static final int RELATED_LIMIT = 5;
    private static final int MAX_COMMENT = 1000;

    private final Articles articles;
    private final ArticleVersions versions;
    private final Categories categories;
    private final ArticleFeedbacks feedback;
    private final ImportRuns importRuns;
    private final ArticleRendering rendering;
    private final ContentImporter importer;
    private final PortalSettings portal;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleManagement(
            Articles articles,
            ArticleVersions versions,
            Categories categories,
            ArticleFeedbacks feedback,
            ImportRuns importRuns,
            ArticleRendering rendering,
            ContentImporter importer,
            PortalSettings portal,
            ApplicationEventPublisher events,
            Clock clock) {
        this.articles = articles;
        this.versions = versions;
        this.categories = categories;
        this.feedback = feedback;
        this.importRuns = importRuns;
        this.rendering = rendering;
        this.importer = importer;
        this.portal = portal;
        this.events = events;
        this.clock = clock;
    }

    /** Every published article in its current version, for (re)building derived data such as the search index. */
    public List<IndexableArticle> publishedArticles() {
        return articles.findByState(ArticleState.PUBLISHED).stream()
                .map(article -> {
                    ArticleVersion version = currentVersion(article);
                    return ArticleViews.indexable(article, version, rendering.render(version, article.sourcePath()));
                })
                .toList();
    }

    /** A published article the viewer may read, rendered. */
    public Optional<ArticleDetails> article(String slug, boolean canSeeInternal) {
        return articles.findBySlug(slug)
                .filter(article -> article.isVisibleTo(canSeeInternal))
                .map(article -> details(article, canSeeInternal));
    }

    /** Whether an article with this slug exists but is archived (pages say so instead of a bare 404). */
    public boolean isArchived(String slug) {
        return articles.findBySlug(slug)
                .map(article -> article.state() == ArticleState.ARCHIVED)
                .orElse(false);
    }

    public Page<ArticleSummary> articles(Pageable pageable, boolean canSeeInternal) {
        Pageable sorted = PageRequest.of(
                pageable.getPageNumber(),
                pageable.getPageSize(),
                Sort.by("title").ascending());
        return articles.findPublished(visibilities(canSeeInternal), sorted).map(ArticleViews::summary);
    }

    public List<ArticleSummary> popular(int limit, boolean canSeeInternal) {
        Sort sort = Sort.by(Sort.Order.desc("helpfulYes"), Sort.Order.asc("helpfulNo"), Sort.Order.desc("updatedOn"));
        return articles.findPublished(visibilities(canSeeInternal), PageRequest.of(0, limit, sort)).stream()
                .map(ArticleViews::summary)
                .toList();
    }

    public List<ArticleSummary> recentlyUpdated(int limit, boolean canSeeInternal) {
        Sort sort = Sort.by(Sort.Order.desc("updatedOn"), Sort.Order.asc("title"));
        return articles.findPublished(visibilities(canSeeInternal), PageRequest.of(0, limit, sort)).stream()
                .map(ArticleViews::summary)
                .toList();
    }

    /** Categories with their sections and the number of articles the viewer can see; empty ones are left out. */
    public List<CategoryOverview> categories(boolean canSeeInternal) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : articles.countPublishedByCategory(visibilities(canSeeInternal))) {
            if (row[0] != null) {
                counts.put((Long) row[0], (Long) row[1]);
            }
        }
        List<Category> all = categories.findAllByOrderByPositionAscTitleAsc();
        List<CategoryOverview> overviews = new ArrayList<>();
        for (Category category : all) {
            if (category.isSection()) {
                continue;
            }
            List<CategoryOverview.Section> sections = all.stream()
                    .filter(section ->
                            section.parent() != null && section.parent().id().equals(category.id()))
                    .map(section -> new CategoryOverview.Section(
                            section.slug(),
                            section.title(),
                            section.description(),
                            section.url(),
                            counts.getOrDefault(section.id(), 0L).intValue()))
                    .filter(section -> section.articleCount() > 0)
                    .toList();
            int total = counts.getOrDefault(category.id(), 0L).intValue()
                    + sections.stream()
                            .mapToInt(CategoryOverview.Section::articleCount)
                            .sum();
            if (total > 0) {
                overviews.add(new CategoryOverview(
                        category.slug(), category.title(), category.description(), category.url(), total, sections));
            }
        }
        return overviews;
    }

    /** A category ({@code cat}) or section ({@code cat/section}) page. */
    public Optional<CategoryPage> category(String path, boolean canSeeInternal) {
        return categories.findByPath(path).map(category -> categoryPage(category, canSeeInternal));
    }

    private CategoryPage categoryPage(Category category, boolean canSeeInternal) {
        List<Article> visible = articles.findPublishedIn(category, visibilities(canSeeInternal));
        Map<Long, CategoryPage.Group> groups = new LinkedHashMap<>();
        List<Category> order = new ArrayList<>();
        order.add(category);
        categories.findAllByOrderByPositionAscTitleAsc().stream()
                .filter(c -> c.parent() != null && c.parent().id().equals(category.id()))
                .forEach(order::add);
        for (Category group : order) {
            List<ArticleSummary> members = visible.stream()
                    .filter(article -> article.category().id().equals(group.id()))
                    .sorted(Comparator.comparing(Article::title, String.CASE_INSENSITIVE_ORDER))
                    .map(ArticleViews::summary)
                    .toList();
            if (!members.isEmpty()) {
                boolean own = group == category;
                groups.put(
                        group.id(),
                        new CategoryPage.Group(
                                own ? null : ArticleViews.ref(group), own ? "" : group.description(), members));
            }
        }
        return new CategoryPage(
                category.title(),
                category.description(),
                category.url(),
                ArticleViews.ref(category.parent()),
                List.copyOf(groups.values()));
    }

    /**
     * Records a reader's "Was this helpful?" answer. One vote per browser and article: voting
     * again changes the earlier vote instead of adding one.
     *
     * @param voter an anonymous per-browser token; only its hash is stored
     * @return false when the article is not visible to this reader
     */
    @Transactional
    public boolean recordFeedback(String slug, String voter, boolean helpful, String comment, boolean canSeeInternal) {
        Optional<Article> found = articles.findBySlug(slug).filter(article -> article.isVisibleTo(canSeeInternal));
        if (found.isEmpty()) {
            return false;
        }
        Article article = found.get();
        String voterHash = SourceParser.sha256(voter.getBytes(StandardCharsets.UTF_8));
        String note = comment == null || comment.isBlank() ? null : truncate(comment.strip(), MAX_COMMENT);
        Optional<ArticleFeedback> earlier = feedback.findByArticleIdAndVoter(article.id(), voterHash);
        if (earlier.isPresent()) {
            article.countFeedback(earlier.get().helpful(), -1);
            earlier.get().change(helpful, note, clock.instant());
        } else {
            feedback.save(new ArticleFeedback(article.id(), voterHash, helpful, note, clock.instant()));
        }
        article.countFeedback(helpful, +1);
        events.publishEvent(new ArticleRated(article.id(), article.slug(), helpful, note != null));
        return true;
    }

    /** The article's current version in kb-content format (front matter + Markdown). */
    public Optional<String> export(String slug, boolean canSeeInternal) {
        return articles.findBySlug(slug)
                .filter(article -> article.visibility() == Visibility.PUBLIC || canSeeInternal)
                .map(article -> exportVersion(currentVersion(article)));
    }

    static String exportVersion(ArticleVersion version) {
        return "---\n" + version.frontMatter() + "---\n" + version.body();
    }

    /** Imports the configured kb-content folder now. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NEVER)
    public ImportResult importContent(String trigger) {
        return importer.importFrom(portal.contentDir(), trigger);
    }

    public Optional<ImportResult> lastImport() {
        return importRuns.findTopByOrderByIdDesc().map(ImportRun::toResult);
    }

    private ArticleDetails details(Article article, boolean canSeeInternal) {
        ArticleVersion version = currentVersion(article);
        var rendered = rendering.render(version, article.sourcePath());
        Category leaf = article.category();
        Category top = leaf == null ? null : leaf.topLevel();
        Category section = leaf != null && leaf.isSection() ? leaf : null;
        return new ArticleDetails(
                article.id(),
                article.slug(),
                version.number(),
                article.title(),
                article.summary(),
                article.tags(),
                ArticleViews.ref(top),
                ArticleViews.ref(section),
                article.updatedOn(),
                article.visibility(),
                rendered.html(),
                rendered.headings(),
                article.helpfulYes(),
                article.helpfulNo(),
                related(article, top, canSeeInternal));
    }

    /** Articles sharing the section or tags, best match first. */
    private List<ArticleSummary> related(Article article, Category top, boolean canSeeInternal) {
        if (top == null) {
            return List.of();
        }
        Set<String> tags = new HashSet<>(article.tags());
        record Scored(Article article, int score) {}
        return articles.findPublishedIn(top, visibilities(canSeeInternal)).stream()
                .filter(other -> !other.id().equals(article.id()))
                .map(other -> new Scored(
                        other,
                        (other.category().id().equals(article.category().id()) ? 2 : 0)
                                + (int) other.tags().stream()
                                        .filter(tags::contains)
                                        .count()))
                .filter(scored -> scored.score() > 0)
                .sorted(Comparator.comparingInt(Scored::score)
                        .reversed()
                        .thenComparing(scored -> scored.article().updatedOn(), Comparator.reverseOrder()))
                .limit(RELATED_LIMIT)
                .map(scored -> ArticleViews.summary(scored.article()))
                .toList();
    }

    private ArticleVersion currentVersion(Article article) {
        return versions.findByArticleIdAndNumber(article.id(), article.currentVersion())
                .orElseThrow(() -> new IllegalStateException("article " + article.slug() + " has no current version"));
    }

    private static Set<Visibility> visibilities(boolean canSeeInternal) {
        return canSeeInternal ? Set.of(Visibility.PUBLIC, Visibility.INTERNAL) : Set.of(Visibility.PUBLIC);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
