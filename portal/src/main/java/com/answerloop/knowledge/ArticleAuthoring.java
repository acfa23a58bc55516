package com.answerloop.knowledge;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Articles written in the portal and their KCS review: drafts, submitting, approving (publishing), sending back,
 * revising and rolling back. Each change is a new immutable version in the same kb-content format the importer reads,
 * so these articles export like imported ones. Reached through {@link ArticleManagement}.
 */
@Component
class ArticleAuthoring {

    private static final long MAX_BYTES = 1024 * 1024;

    private final Articles articles;
    private final ArticleVersions versions;
    private final Categories categories;
    private final SourceParser parser;
    private final ArticleRendering rendering;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ArticleAuthoring(
            Articles articles,
            ArticleVersions versions,
            Categories categories,
            SourceParser parser,
            ArticleRendering rendering,
            ApplicationEventPublisher events,
            Clock clock) {
        this.articles = articles;
        this.versions = versions;
        this.categories = categories;
        this.parser = parser;
        this.rendering = rendering;
        this.events = events;
        this.clock = clock;
    }

    String createDraft(NewArticle draft, String author, boolean submit) {
        String slug = uniqueSlug(SourceParser.slugOf(requiredTitle(draft)));
        ArticleSource source = source(slug, draft);
        Category category = category(draft.categoryPath());
        Instant now = clock.instant();
        Article article = articles.save(new Article(source, category, now));
        if (author != null && ReviewTerms.isEmailAddress(author)) {
            // written in the portal: its author owns it until an editor names another owner
            article.setReviewTerms(author, null);
        }
        ArticleVersion version = versions.save(new ArticleVersion(article.id(), 1, source, now, author));
        article.revise(version, category, now);
        article.moveToState(submit ? ArticleState.NOT_VALIDATED : ArticleState.WORK_IN_PROGRESS, now);
        if (submit) {
            announceSubmitted(article, version);
        }
        return slug;
    }

    void revise(String slug, NewArticle draft, String by) {
        Article article = find(slug);
        if (article.state() != ArticleState.WORK_IN_PROGRESS && article.state() != ArticleState.NOT_VALIDATED) {
            throw new ArticleProblem("Only drafts can be edited here.");
        }
        ArticleSource source = source(slug, draft);
        Category category = draft.categoryPath() == null ? article.category() : category(draft.categoryPath());
        Instant now = clock.instant();
        ArticleVersion version =
                versions.save(new ArticleVersion(article.id(), article.currentVersion() + 1, source, now, by));
        article.revise(version, category, now);
        if (article.state() == ArticleState.NOT_VALIDATED) {
            announceSubmitted(article, version);
        }
    }

    void submit(String slug) {
        Article article = find(slug);
        if (article.state() != ArticleState.WORK_IN_PROGRESS) {
            throw new ArticleProblem("Only work in progress can be submitted for review.");
        }
        article.moveToState(ArticleState.NOT_VALIDATED, clock.instant());
        announceSubmitted(article, current(article));
    }

    /** Validates the article: it becomes readable (per visibility) and searchable. */
    void approve(String slug) {
        Article article = find(slug);
        if (article.state() != ArticleState.NOT_VALIDATED && article.state() != ArticleState.WORK_IN_PROGRESS) {
            throw new ArticleProblem("This article is not waiting for review.");
        }
        ArticleVersion version = current(article);
        article.publish(version, article.category(), clock.instant());
        announce(article, version);
    }

    /** Back to its author; returns the author to notify. */
    String sendBack(String slug) {
        Article article = find(slug);
        if (article.state() != ArticleState.NOT_VALIDATED) {
            throw new ArticleProblem("Only articles waiting for review can be sent back.");
        }
        article.moveToState(ArticleState.WORK_IN_PROGRESS, clock.instant());
        events.publishEvent(new ArticleSentBack(article.id(), article.slug()));
        return author(article);
    }

    /** Takes the article out of the knowledge base (readers, search, agents); nothing is deleted. */
    void archive(String slug) {
        Article article = find(slug);
        if (article.state() == ArticleState.ARCHIVED) {
            throw new ArticleProblem("This article is already archived.");
        }
        article.archive(clock.instant());
        events.publishEvent(new ArticleArchived(article.id(), article.slug()));
    }

    /** Makes an earlier version current again, as a new version; a published article is re-published. */
    void rollback(String slug, int number, String by) {
        Article article = find(slug);
        ArticleVersion old = versions.findByArticleIdAndNumber(article.id(), number)
                .orElseThrow(() -> new ArticleProblem("No version " + number + "."));
        ArticleSource source = new ArticleSource(
                article.sourcePath(),
                slug,
                old.title(),
                old.summary(),
                old.tagList(),
                old.visibility(),
                article.promoted(),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                article.reviewTerms(),
                old.frontMatter(),
                old.body(),
                old.contentHash());
        Instant now = clock.instant();
        ArticleVersion version = versions.save(new ArticleVersion(
                article.id(), article.currentVersion() + 1, source, now, by + " (rollback to v" + number + ")"));
        if (article.state() == ArticleState.PUBLISHED) {
            article.publish(version, article.category(), now);
            announce(article, version);
        } else {
            article.revise(version, article.category(), now);
            if (article.state() == ArticleState.NOT_VALIDATED) {
                announceSubmitted(article, version);
            }
        }
    }

    ArticleDraft draft(String slug) {
        Article article = find(slug);
        ArticleVersion version = current(article);
        return new ArticleDraft(
                article.id(),
                article.slug(),
                article.title(),
                article.summary(),
                version.body(),
                rendering.render(version, article.sourcePath()).html(),
                article.state(),
                article.visibility(),
                version.number(),
                author(article),
                version.createdAt(),
                article.helpfulYes(),
                article.helpfulNo(),
                article.category() == null ? null : article.category().path(),
                article.promoted());
    }

    List<ArticleDraft> inState(ArticleState state) {
        return articles.findByState(state).stream().map(a -> draft(a.slug())).toList();
    }

    List<ArticleHistory> history(String slug) {
        Article article = find(slug);
        return versions.findByArticleIdOrderByNumberDesc(article.id()).stream()
                .map(v -> new ArticleHistory(
                        v.number(), v.title(), v.createdAt(), v.createdBy(), v.number() == article.currentVersion()))
                .toList();
    }

    /** The Markdown of one version (for diffs). */
    String body(String slug, int number) {
        Article article = find(slug);
        return versions.findByArticleIdAndNumber(article.id(), number)
                .map(ArticleVersion::body)
                .orElseThrow(() -> new ArticleProblem("No version " + number + "."));
    }

    String renderPreview(String markdown) {
        return rendering.renderUncached(markdown == null ? "" : markdown, null).html();
    }

    private void announce(Article article, ArticleVersion version) {
        events.publishEvent(new ArticlePublished(
                ArticleViews.indexable(article, version, rendering.render(version, article.sourcePath()))));
    }

    private void announceSubmitted(Article article, ArticleVersion version) {
        events.publishEvent(new ArticleSubmitted(
                ArticleViews.indexable(article, version, rendering.render(version, article.sourcePath()))));
    }

    private ArticleSource source(String slug, NewArticle draft) {
        String title = requiredTitle(draft).replaceAll("\\s+", " ");
        String body = required(draft.body(), ArticleProblem.Field.BODY, "Write the article.");
        StringBuilder front = new StringBuilder();
        front.append("title: ").append(quoted(title)).append('\n');
        front.append("slug: ").append(slug).append('\n');
        if (draft.summary() != null && !draft.summary().isBlank()) {
            front.append("summary: ")
                    .append(quoted(draft.summary().strip().replaceAll("\\s+", " ")))
                    .append('\n');
        }
        if (!draft.tags().isEmpty()) {
            front.append("tags: [")
                    .append(draft.tags().stream().map(ArticleAuthoring::quoted).collect(Collectors.joining(", ")))
                    .append("]\n");
        }
        front.append("visibility: ").append(draft.visibility().label()).append('\n');
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        front.append("updated: ").append(today).append('\n');
        String file = "---\n" + front + "---\n" + (body.endsWith("\n") ? body : body + "\n");
        try {
            return parser.parseArticle(null, file.getBytes(StandardCharsets.UTF_8), MAX_BYTES, today);
        } catch (InvalidSourceException e) {
            throw new ArticleProblem(e.getMessage());
        }
    }

    /** A YAML double-quoted scalar (JSON escapes are valid YAML). */
    private static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private String uniqueSlug(String base) {
        String stem = base.isEmpty() ? "article" : base.length() > 120 ? base.substring(0, 120) : base;
        stem = stem.replaceAll("-+$", "");
        String slug = stem;
        for (int n = 2; articles.findBySlug(slug).isPresent(); n++) {
            slug = stem + "-" + n;
        }
        return slug;
    }

    private Category category(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        return categories
                .findByPath(path.strip())
                .orElseThrow(() -> new ArticleProblem(ArticleProblem.Field.CATEGORY, "No category " + path + "."));
    }

    private Article find(String slug) {
        return articles.findBySlug(slug).orElseThrow(() -> new ArticleProblem("No article " + slug + "."));
    }

    private ArticleVersion current(Article article) {
        return versions.findByArticleIdAndNumber(article.id(), article.currentVersion())
                .orElseThrow();
    }

    private String author(Article article) {
        return versions.findByArticleIdAndNumber(article.id(), 1)
                .map(ArticleVersion::createdBy)
                .orElse(null);
    }

    private static String requiredTitle(NewArticle draft) {
        return required(draft.title(), ArticleProblem.Field.TITLE, "Give the article a title.");
    }

    private static String required(String value, ArticleProblem.Field field, String message) {
        if (value == null || value.isBlank()) {
            throw new ArticleProblem(field, message);
        }
        return value.strip();
    }
}
