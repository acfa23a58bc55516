package com.answerloop.knowledge;

import java.time.LocalDate;
import java.util.List;

/**
 * A parsed and validated article file: the front matter fields with their derived defaults, and
 * the exact front matter text and body so the file can be written back unchanged.
 */
record ArticleSource(
        String path,
        String slug,
        String title,
        String summary,
        List<String> tags,
        Visibility visibility,
        boolean promoted,
        LocalDate updated,
        ReviewTerms review,
        String frontMatter,
        String body,
        String contentHash) {

    /** The file as the exporter writes it: front matter between {@code ---} lines, then the body. */
    String toMarkdown() {
        return "---\n" + frontMatter + "---\n" + body;
    }
}
