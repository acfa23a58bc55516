package com.answerloop.knowledge;

import com.answerloop.shared.markdown.LinkResolver;
import com.answerloop.shared.markdown.MarkdownRenderer;
import com.answerloop.shared.markdown.RenderedMarkdown;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Renders article versions to HTML once and keeps the result, so a page view never re-parses
 * Markdown. Relative links to other kb-content files and assets become portal URLs.
 */
@Component
class ArticleRendering {

    private static final Pattern HAS_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    private final MarkdownRenderer markdown;
    private final Articles articles;
    private final Cache<Long, RenderedMarkdown> rendered =
            Caffeine.newBuilder().maximumSize(5_000).build();
    private volatile Map<String, String> slugsBySourcePath;

    ArticleRendering(MarkdownRenderer markdown, Articles articles) {
        this.markdown = markdown;
        this.articles = articles;
    }

    RenderedMarkdown render(ArticleVersion version, String sourcePath) {
        return rendered.get(version.id(), id -> markdown.render(version.body(), linksFrom(sourcePath, this::slugs)));
    }

    /** Renders content that is not stored yet (an import in progress); not cached. */
    RenderedMarkdown renderUncached(String body, String sourcePath) {
        return markdown.render(body, linksFrom(sourcePath, this::slugs));
    }

    /**
     * Renders a kb-content file without asking the database (read-only mode): links to other files resolve through
     * the given slugs, read from the files themselves.
     */
    RenderedMarkdown renderFile(String body, String sourcePath, Map<String, String> slugsBySourcePath) {
        return markdown.render(body, linksFrom(sourcePath, () -> slugsBySourcePath));
    }

    /** Called after an import: link targets may have appeared or moved. */
    void forgetAll() {
        slugsBySourcePath = null;
        rendered.invalidateAll();
    }

    private static LinkResolver linksFrom(String sourcePath, Supplier<Map<String, String>> slugs) {
        if (sourcePath == null) {
            return LinkResolver.NONE;
        }
        Path base = Path.of(sourcePath).getParent();
        return destination -> resolve(base, destination, slugs);
    }

    private static String resolve(Path base, String destination, Supplier<Map<String, String>> slugs) {
        if (destination == null
                || destination.isEmpty()
                || destination.startsWith("/")
                || destination.startsWith("#")
                || HAS_SCHEME.matcher(destination).matches()) {
            return destination;
        }
        int cut = indexOfAny(destination, '#', '?');
        String path = cut < 0 ? destination : destination.substring(0, cut);
        String suffix = cut < 0 ? "" : destination.substring(cut);
        String target = (base == null ? Path.of(path) : base.resolve(path))
                .normalize()
                .toString()
                .replace('\\', '/');
        if (target.startsWith("assets/")) {
            return "/kb-assets/" + target.substring("assets/".length()) + suffix;
        }
        if (target.endsWith(".md")) {
            String slug = slugs.get().get(target);
            if (slug != null) {
                return "/articles/" + slug + suffix;
            }
        }
        return destination;
    }

    private Map<String, String> slugs() {
        Map<String, String> map = slugsBySourcePath;
        if (map == null) {
            map = articles.findAll().stream()
                    .filter(article -> article.sourcePath() != null)
                    .collect(Collectors.toUnmodifiableMap(Article::sourcePath, Article::slug));
            slugsBySourcePath = map;
        }
        return map;
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : (j < 0 ? i : Math.min(i, j));
    }
}
