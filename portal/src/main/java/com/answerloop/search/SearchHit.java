package com.answerloop.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One result. {@code snippetHtml} is safe HTML: the document text escaped, with only {@code <mark>} elements added
 * around matches.
 */
public record SearchHit(
        String type,
        long id,
        String slug,
        String title,
        String url,
        String snippetHtml,
        float score,
        String categorySlug,
        String categoryTitle,
        String sectionTitle,
        List<String> tags,
        LocalDate updated) {

    public String key() {
        return SearchDocument.key(type, id);
    }
}
