package com.answerloop.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the kb-content folder into the database, idempotently by content hash: a new file
 * creates an article, a changed file a new version, an unchanged file nothing, a removed file
 * archives its article. A bad file is reported and skipped; its article, if any, stays as it was.
 * Each file is written in its own transaction so one failure never leaves others half-done.
 */
@Component
class ContentImporter {

    private static final Logger log = LoggerFactory.getLogger(ContentImporter.class);
    private static final String INDEX_FILE = "_index.md";
    private static final String IMPORTER = "kb-content import";

    private final Articles articles;
    private final ArticleVersions versions;
    private final Categories categories;
    private final ImportRuns runs;
    private final SourceParser parser;
    private final ArticleRendering rendering;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final ContentSettings settings;
    private final Clock clock;

    ContentImporter(
            Articles articles,
            ArticleVersions versions,
            Categories categories,
            ImportRuns runs,
            SourceParser parser,
            ArticleRendering rendering,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            ContentSettings settings,
            Clock clock) {
        this.articles = articles;
        this.versions = versions;
        this.categories = categories;
        this.runs = runs;
        this.parser = parser;
        this.rendering = rendering;
        this.events = events;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    private enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /** Runs one import of {@code contentDir}; only one import runs at a time. */
    synchronized ImportResult importFrom(Path contentDir, String trigger) {
        Instant started = clock.instant();
        Path root = contentDir.toAbsolutePath().normalize();
        log.info("Importing kb-content from {} ({})", root, trigger);
        List<ImportProblem> problems = new ArrayList<>();
        int created = 0, updated = 0, unchanged = 0, archived = 0;

        List<String> files = scan(root);
        Map<String, Category> folders = importFolders(root, files, problems);
        List<ArticleSource> sources = parseAll(root, files, problems);
        Set<String> present = new HashSet<>(files);

        int done = 0;
        for (ArticleSource source : sources) {
            try {
                Outcome outcome = transactions.execute(status -> store(source, folders, present));
                switch (outcome) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            } catch (SourceConflict e) {
                problems.add(new ImportProblem(source.path(), 1, e.getMessage()));
            } catch (RuntimeException e) {
                log.warn("Could not store {}", source.path(), e);
                problems.add(new ImportProblem(source.path(), 1, "could not be stored: " + e.getMessage()));
            }
            if (++done % 10 == 0 || done == sources.size()) {
                log.info("Imported {}/{} articles", done, sources.size());
            }
        }
        for (Article stale : articles.findBySourcePathIsNotNullAndStateNot(ArticleState.ARCHIVED)) {
            if (!present.contains(stale.sourcePath())) {
                transactions.executeWithoutResult(status -> archive(stale.id()));
                archived++;
            }
        }
        rendering.forgetAll();

        ImportResult result = new ImportResult(
                trigger, started, clock.instant(), created, updated, unchanged, archived, problems.size(), problems);
        runs.save(new ImportRun(result));
        log.info("kb-content import finished in {} ms: {}", result.duration().toMillis(), result.summary());
        problems.forEach(problem -> log.warn("Skipped {}", problem));
        return result;
    }

    /** The article and folder files under {@code root}, as paths relative to it; hidden folders and assets left out. */
    static List<String> scan(Path root) {
        if (!Files.isDirectory(root)) {
            log.warn("Content directory {} does not exist; nothing to import", root);
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(path -> root.relativize(path).toString().replace('\\', '/'))
                    .filter(path -> path.endsWith(".md"))
                    .filter(path -> !path.startsWith("assets/"))
                    .filter(path -> Stream.of(path.split("/")).noneMatch(part -> part.startsWith(".")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read content directory " + root, e);
        }
    }

    /** Creates or updates a category for every folder holding articles, described by its _index.md. */
    private Map<String, Category> importFolders(Path root, List<String> files, List<ImportProblem> problems) {
        Set<String> folderPaths = new java.util.TreeSet<>();
        for (String file : files) {
            String[] parts = file.split("/");
            if (parts.length >= 2) {
                folderPaths.add(parts[0]);
            }
            if (parts.length >= 3) {
                folderPaths.add(parts[0] + "/" + parts[1]);
            }
        }
        Map<String, Category> folders = new HashMap<>();
        for (String folder : folderPaths) {
            FolderInfo info = folderInfo(root, folder, problems);
            Category category = transactions.execute(status -> {
                String[] parts = folder.split("/");
                String path = folder.contains("/")
                        ? SourceParser.slugOf(parts[0]) + "/" + SourceParser.slugOf(parts[1])
                        : SourceParser.slugOf(parts[0]);
                Category parent = parts.length > 1 ? folders.get(parts[0]) : null;
                Category existing = categories
                        .findByPath(path)
                        .orElseGet(() -> new Category(parent, SourceParser.slugOf(parts[parts.length - 1]), path));
                existing.describe(info.title(), info.description(), info.order(), info.audience());
                existing.reviewEvery(info.reviewEveryDays());
                return categories.save(existing);
            });
            folders.put(folder, category);
        }
        return folders;
    }

    private record FolderInfo(
            String title, String description, int order, Audience audience, Integer reviewEveryDays) {}

    private FolderInfo folderInfo(Path root, String folder, List<ImportProblem> problems) {
        String name = folder.substring(folder.lastIndexOf('/') + 1);
        FolderInfo fallback = new FolderInfo(humanize(name), "", 1000, Audience.CUSTOMERS, null);
        Path index = root.resolve(folder).resolve(INDEX_FILE);
        if (!Files.isRegularFile(index)) {
            return fallback;
        }
        try {
            SourceParser.Document document = parser.parseDocument(
                    Files.readAllBytes(index), settings.maxFileSize().toBytes());
            Map<String, Object> fields = document.fields();
            String title = fields.get("title") == null
                    ? fallback.title()
                    : fields.get("title").toString().strip();
            String description = fields.get("description") == null
                    ? ""
                    : fields.get("description").toString().strip();
            int order = fields.get("order") instanceof Number number ? number.intValue() : 1000;
            Audience audience = fields.get("audience") == null
                    ? Audience.CUSTOMERS
                    : Audience.parse(fields.get("audience").toString());
            return new FolderInfo(title, description, order, audience, SourceParser.folderReviewEvery(fields));
        } catch (IllegalArgumentException e) {
            problems.add(new ImportProblem(folder + "/" + INDEX_FILE, 1, e.getMessage()));
        } catch (InvalidSourceException e) {
            problems.add(new ImportProblem(folder + "/" + INDEX_FILE, e.line(), e.getMessage()));
        } catch (IOException e) {
            problems.add(new ImportProblem(folder + "/" + INDEX_FILE, 1, "cannot be read: " + e.getMessage()));
        }
        return fallback;
    }

    private List<ArticleSource> parseAll(Path root, List<String> files, List<ImportProblem> problems) {
        List<ArticleSource> sources = new ArrayList<>();
        Map<String, String> pathBySlug = new HashMap<>();
        for (String file : files) {
            if (isFolderFile(file)) {
                continue;
            }
            Path path = root.resolve(file);
            try {
                ArticleSource source = parser.parseArticle(
                        file, Files.readAllBytes(path), settings.maxFileSize().toBytes(), fileDate(path));
                String other = pathBySlug.putIfAbsent(source.slug(), file);
                if (other != null) {
                    problems.add(new ImportProblem(
                            file, 1, "duplicate slug '%s': already used by %s".formatted(source.slug(), other)));
                    continue;
                }
                sources.add(source);
            } catch (InvalidSourceException e) {
                problems.add(new ImportProblem(file, e.line(), e.getMessage()));
            } catch (IOException e) {
                problems.add(new ImportProblem(file, 1, "cannot be read: " + e.getMessage()));
            }
        }
        return sources;
    }

    private Outcome store(ArticleSource source, Map<String, Category> folders, Set<String> present) {
        Instant now = clock.instant();
        Category category = categoryOf(source.path(), folders);
        Optional<Article> bySource = articles.findBySourcePath(source.path());
        Article article = bySource.orElse(null);
        if (article == null) {
            Optional<Article> bySlug = articles.findBySlug(source.slug());
            if (bySlug.isPresent()) {
                Article owner = bySlug.get();
                if (owner.sourcePath() != null && !present.contains(owner.sourcePath())) {
                    owner.moveTo(source.path());
                    article = owner;
                } else {
                    throw new SourceConflict("duplicate slug '%s': already used by %s"
                            .formatted(
                                    source.slug(),
                                    owner.sourcePath() == null
                                            ? "an article created in the portal"
                                            : owner.sourcePath()));
                }
            }
        } else if (!article.slug().equals(source.slug())) {
            throw new SourceConflict(
                    "slug changed from '%s' to '%s'; links to the article would break - keep the old slug or archive the file and add a new one"
                            .formatted(article.slug(), source.slug()));
        }
        boolean isNew = article == null;
        if (isNew) {
            article = articles.save(new Article(source, category, now));
        } else {
            ArticleVersion current = versions.findByArticleIdAndNumber(article.id(), article.currentVersion())
                    .orElseThrow();
            if (current.contentHash().equals(source.contentHash())
                    && article.isPublished()
                    && sameCategory(article, category)) {
                return Outcome.UNCHANGED;
            }
            // a changed file decides again; until then a choice made on the editor's page stands
            article.promote(source.promoted());
            article.applyReviewTerms(source.review());
            if (current.contentHash().equals(source.contentHash())) {
                article.publish(current, category, now);
                publishEvent(article, current, source.path());
                return Outcome.UPDATED;
            }
        }
        ArticleVersion version =
                versions.save(new ArticleVersion(article.id(), article.currentVersion() + 1, source, now, IMPORTER));
        article.publish(version, category, now);
        articles.save(article);
        publishEvent(article, version, source.path());
        return isNew ? Outcome.CREATED : Outcome.UPDATED;
    }

    /** A valid file that clashes with what is stored; reported, not logged as an error. */
    private static final class SourceConflict extends RuntimeException {
        SourceConflict(String message) {
            super(message);
        }
    }

    private static boolean sameCategory(Article article, Category category) {
        Category current = article.category();
        return current == null
                ? category == null
                : category != null && current.id().equals(category.id());
    }

    private void publishEvent(Article article, ArticleVersion version, String sourcePath) {
        var rendered = rendering.renderUncached(version.body(), sourcePath);
        events.publishEvent(new ArticlePublished(ArticleViews.indexable(article, version, rendered)));
    }

    private void archive(long articleId) {
        Article article = articles.findById(articleId).orElseThrow();
        article.archive(clock.instant());
        events.publishEvent(new ArticleArchived(article.id(), article.slug()));
        log.info("Archived {} ({} was removed)", article.slug(), article.sourcePath());
    }

    private static Category categoryOf(String path, Map<String, Category> folders) {
        String[] parts = path.split("/");
        if (parts.length >= 3) {
            return folders.get(parts[0] + "/" + parts[1]);
        }
        return parts.length == 2 ? folders.get(parts[0]) : null;
    }

    /** An {@code _index.md} file describes its folder; it is not an article. */
    static boolean isFolderFile(String file) {
        return file.endsWith("/" + INDEX_FILE) || file.equals(INDEX_FILE);
    }

    static LocalDate fileDate(Path path) throws IOException {
        return Files.getLastModifiedTime(path)
                .toInstant()
                .atZone(ZoneOffset.UTC)
                .toLocalDate();
    }

    private static String humanize(String folder) {
        String words = folder.replace('-', ' ').replace('_', ' ').strip();
        return words.isEmpty() ? folder : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
