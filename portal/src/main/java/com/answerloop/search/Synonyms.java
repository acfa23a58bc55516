package com.answerloop.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's synonyms file and the query analyzer built from it. The file is created from the shipped default on
 * first start and reloaded when it changes; synonyms apply at query time, so no reindex is needed.
 */
final class Synonyms {

    private static final Logger log = LoggerFactory.getLogger(Synonyms.class);

    private final Path file;
    private volatile Analyzer queryAnalyzer;
    private volatile FileTime loadedVersion;

    Synonyms(Path file) {
        this.file = file;
        createDefaultIfMissing();
        reloadIfChanged();
        if (queryAnalyzer == null) {
            queryAnalyzer = SearchAnalyzers.queryAnalyzer(SearchAnalyzers.emptySynonyms());
        }
    }

    private void createDefaultIfMissing() {
        if (Files.exists(file)) {
            return;
        }
        try (InputStream defaults = Synonyms.class.getResourceAsStream("/search/default-synonyms.txt")) {
            if (defaults != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.copy(defaults, file);
                log.info("Created the search synonyms file {}", file);
            }
        } catch (IOException e) {
            log.warn("Cannot create the search synonyms file {}: {}", file, e.toString());
        }
    }

    /** Re-reads the file if its modification time changed; called on a schedule. */
    void reloadIfChanged() {
        try {
            FileTime modified = Files.isRegularFile(file) ? Files.getLastModifiedTime(file) : null;
            if (modified != null && modified.equals(loadedVersion)) {
                return;
            }
            SynonymMap map = SearchAnalyzers.loadSynonyms(file);
            queryAnalyzer = SearchAnalyzers.queryAnalyzer(map);
            loadedVersion = modified;
        } catch (IOException e) {
            log.warn("Cannot read the search synonyms file {}: {}", file, e.toString());
        }
    }

    Analyzer queryAnalyzer() {
        return queryAnalyzer;
    }

    Path file() {
        return file;
    }
}
