package com.answerloop.shared;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the portal keeps its files and how it is reached from outside.
 *
 * @param dataDir database files (embedded mode), the search index and other derived data
 * @param contentDir the Markdown knowledge base imported at start ({@code kb-content/})
 * @param baseUrl the public URL, used for canonical links, sitemaps and emails
 */
@ConfigurationProperties("answerloop")
public record PortalSettings(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("./kb-content") Path contentDir,
        @DefaultValue("http://localhost:8080") String baseUrl) {

    /** The base URL without a trailing slash, ready to prefix a path. */
    public String absoluteUrl(String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + (path.startsWith("/") ? path : "/" + path);
    }
}
