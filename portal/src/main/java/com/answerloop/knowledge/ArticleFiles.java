package com.answerloop.knowledge;

import com.answerloop.shared.PortalSettings;
import com.answerloop.shared.markdown.RenderedMarkdown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Article pages rendered from the kb-content files on this node's disk, for read-only mode: an article nobody read
 * since the start has no copy in memory, and the database that holds it cannot be reached. A file holds the version
 * the last import stored; an article written or revised on the web has no file, or a newer version than its file, so
 * this is a last resort after the kept copies ({@link ArticlePages}). Folder categories, votes and related articles
 * live in the database and are left out.
 */
@Component
class ArticleFiles {

    private static final Logger log = LoggerFactory.getLogger(ArticleFiles.class);

    /** The files' slugs and paths, read on first use; an outage rarely outlasts a content change. */
    private record Catalogue(Map<String, String> pathsBySlug, Map<String, String> slugsByPath) {}

    private final PortalSettings portal;
    private final ContentSettings settings;
    private final SourceParser parser;
    private final ArticleRendering rendering;
    private volatile Catalogue catalogue;

    ArticleFiles(PortalSettings portal, ContentSettings settings, SourceParser parser, ArticleRendering rendering) {
        this.portal = portal;
        this.settings = settings;
        this.parser = parser;
        this.rendering = rendering;
    }

    /** The article whose file has this slug, as readers would see it; empty if no file has it or it is hidden. */
    Optional<ArticleDetails> article(String slug, boolean canSeeInternal) {
        Catalogue files = catalogue();
        String file = files.pathsBySlug().get(slug);
        if (file == null) {
            return Optional.empty();
        }
        Optional<ArticleSource> source = parse(root(), file);
        if (source.isEmpty() || (source.get().visibility() == Visibility.INTERNAL && !canSeeInternal)) {
            return Optional.empty();
        }
        ArticleSource article = source.get();
        RenderedMarkdown rendered = rendering.renderFile(article.body(), file, files.slugsByPath());
        return Optional.of(new ArticleDetails(
                0,
                article.slug(),
                0,
                article.title(),
                article.summary(),
                article.tags(),
                null,
                null,
                article.updated(),
                article.review().verified(),
                article.visibility(),
                rendered.html(),
                rendered.headings(),
                0,
                0,
                List.of(),
                ArticleState.PUBLISHED));
    }

    private Catalogue catalogue() {
        Catalogue known = catalogue;
        if (known == null) {
            Path root = root();
            Map<String, String> pathsBySlug = new HashMap<>();
            Map<String, String> slugsByPath = new HashMap<>();
            for (String file : ContentImporter.scan(root)) {
                if (!ContentImporter.isFolderFile(file)) {
                    // the first file with a slug wins, as in the import
                    parse(root, file).ifPresent(source -> {
                        if (pathsBySlug.putIfAbsent(source.slug(), file) == null) {
                            slugsByPath.put(file, source.slug());
                        }
                    });
                }
            }
            known = new Catalogue(Map.copyOf(pathsBySlug), Map.copyOf(slugsByPath));
            catalogue = known;
            log.info(
                    "Read {} article files from {} to serve pages while the database is away",
                    pathsBySlug.size(),
                    root);
        }
        return known;
    }

    private Optional<ArticleSource> parse(Path root, String file) {
        Path path = root.resolve(file);
        try {
            return Optional.of(parser.parseArticle(
                    file, Files.readAllBytes(path), settings.maxFileSize().toBytes(), ContentImporter.fileDate(path)));
        } catch (IOException | InvalidSourceException e) {
            // the import reports bad files; here they are simply not served
            return Optional.empty();
        }
    }

    private Path root() {
        return portal.contentDir().toAbsolutePath().normalize();
    }
}
