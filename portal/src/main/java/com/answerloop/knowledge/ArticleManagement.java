package com.answerloop.knowledge;

import com.answerloop.shared.cluster.LockedRun;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

    private static final int MAX_COMMENT = 1000;

    private final Articles articles;
    private final ArticleVersions versions;
    private final Categories categories;
    private final ArticleFeedbacks feedback;
    private final ImportRuns importRuns;
    private final ArticleRendering rendering;
    private final OneImportAtATime imports;
    private final ArticleAuthoring authoring;
    private final RelatedArticles related;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleManagement(
            Articles articles,
            ArticleVersions versions,
            Categories categories,
            ArticleFeedbacks feedback,
            ImportRuns importRuns,
            ArticleRendering rendering,
            OneImportAtATime imports,
            ArticleAuthoring authoring,
            RelatedArticles related,
            ApplicationEventPublisher events,
            Clock clock) {
        this.articles = articles;
        this.versions = versions;
        this.categories = categories;
        this.feedback = feedback;
        this.importRuns = importRuns;
        this.rendering = rendering;
        this.imports = imports;
        this.authoring = authoring;
        this.related = related;
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

    /**
     * Every article agents may find: published ones and, for agents only, not validated ones (KCS "visible to agents,
     * usable in cases"), each in its current version with its state.
     */
    public List<IndexableArticle> searchableArticles() {
        List<IndexableArticle> all = new ArrayList<>(publishedArticles());
        for (Article article : articles.findByState(ArticleState.NOT_VALIDATED)) {
            ArticleVersion version = currentVersion(article);
            all.add(ArticleViews.indexable(article, version, rendering.render(version, article.sourcePath())));
        }
        return all;
    }

    /**
     * One article as the search index should hold it now (published, or not validated for agents), or empty when it
     * must not be in the index (work in progress, archived, unknown).
     */
    public Optional<IndexableArticle> searchableArticle(long id) {
        return articles.findById(id)
                .filter(a -> a.state() == ArticleState.PUBLISHED || a.state() == ArticleState.NOT_VALIDATED)
                .map(article -> {
                    ArticleVersion version = currentVersion(article);
                    return ArticleViews.indexable(article, version, rendering.render(version, article.sourcePath()));
                });
    }

    /** A published article the viewer may read (or, for agents and editors, a not validated one), rendered. */
    public Optional<ArticleDetails> article(String slug, boolean canSeeInternal) {
        return articles.findBySlug(slug)
                .filter(article -> article.isReadableBy(canSeeInternal))
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
        int yes = helpful ? 1 : 0;
        int no = helpful ? 0 : 1;
        if (earlier.isPresent()) {
            yes -= earlier.get().helpful() ? 1 : 0;
            no -= earlier.get().helpful() ? 0 : 1;
        }
        articles.countFeedback(article.id(), yes, no);
        if (earlier.isPresent()) {
            earlier.get().change(helpful, note, clock.instant());
        } else {
            feedback.save(new ArticleFeedback(article.id(), voterHash, helpful, note, clock.instant()));
        }
        events.publishEvent(new ArticleRated(article.id(), article.slug(), helpful, note != null));
        return true;
    }

    /** The current version in kb-content format (front matter + Markdown) of an article the viewer may read. */
    public Optional<String> export(String slug, boolean canSeeInternal) {
        return articles.findBySlug(slug)
                .filter(article -> article.isReadableBy(canSeeInternal))
                .map(article -> ArticleExport.file(article, currentVersion(article), canSeeInternal));
    }

    /** Any article's current version in kb-content format, whatever its state: for editors. */
    public Optional<String> exportAnyState(String slug) {
        return articles.findBySlug(slug).map(article -> ArticleExport.file(article, currentVersion(article), true));
    }

    /**
     * Imports the configured kb-content folder now, unless an import is running (on any node of a cluster): then it is
     * refused and says who started the running one.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NEVER)
    public LockedRun<ImportResult> importContent(String trigger) {
        return imports.importContent(trigger);
    }

    public Optional<ImportResult> lastImport() {
        return importRuns.findTopByOrderByIdDesc().map(ImportRun::toResult);
    }

    // ---- authoring and KCS review (used by the capture module; imported files keep publishing directly)

    /**
     * Creates an article written in the portal as version 1, in work in progress or (when {@code submit}) not
     * validated; it is not readable by customers or searchable until an editor approves it.
     *
     * @param author who wrote it (an email address, so the author can be notified)
     * @return the new article's slug
     */
    @Transactional
    public String createDraft(NewArticle draft, String author, boolean submit) {
        return authoring.createDraft(draft, author, submit);
    }

    /** A new version of a draft (work in progress or not validated). */
    @Transactional
    public void reviseDraft(String slug, NewArticle draft, String by) {
        authoring.revise(slug, draft, by);
    }

    /** Work in progress -> not validated (waiting for an editor). */
    @Transactional
    public void submitForReview(String slug) {
        authoring.submit(slug);
    }

    /** An editor validates the article: published (per its visibility) and indexed. */
    @Transactional
    public void approve(String slug) {
        authoring.approve(slug);
    }

    /** An editor sends the article back to work in progress; returns its author to notify. */
    @Transactional
    public String sendBack(String slug) {
        return authoring.sendBack(slug);
    }

    /** An editor archives the article: gone from readers, search and agents; its versions stay. */
    @Transactional
    public void archive(String slug) {
        authoring.archive(slug);
    }

    /** Makes version {@code number} current again as a new version. */
    @Transactional
    public void rollback(String slug, int number, String by) {
        authoring.rollback(slug, number, by);
    }

    /** Any article with its current Markdown, whatever its state: for agents and editors only. */
    public Optional<ArticleDraft> draft(String slug) {
        return articles.findBySlug(slug).map(article -> authoring.draft(slug));
    }

    /** Articles in a state, e.g. {@link ArticleState#NOT_VALIDATED} for the editors' queue. */
    public List<ArticleDraft> inState(ArticleState state) {
        return authoring.inState(state);
    }

    /** Every version of an article, newest first. */
    public List<ArticleHistory> versions(String slug) {
        return authoring.history(slug);
    }

    /** The Markdown of one version, for a diff. */
    public String versionBody(String slug, int number) {
        return authoring.body(slug, number);
    }

    /** Renders Markdown the way articles are rendered (sanitized), for an editor's preview. */
    public String preview(String markdown) {
        return authoring.renderPreview(markdown);
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
                article.reviewTerms().verified(),
                article.visibility(),
                rendered.html(),
                rendered.headings(),
                article.helpfulYes(),
                article.helpfulNo(),
                related.of(article, canSeeInternal),
                article.state());
    }

    private ArticleVersion currentVersion(Article article) {
        return versions.findByArticleIdAndNumber(article.id(), article.currentVersion())
                .orElseThrow(() -> new IllegalStateException("article " + article.slug() + " has no current version"));
    }

    static Set<Visibility> visibilities(boolean canSeeInternal) {
        return canSeeInternal ? Set.of(Visibility.PUBLIC, Visibility.INTERNAL) : Set.of(Visibility.PUBLIC);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
