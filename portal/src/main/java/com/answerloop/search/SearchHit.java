package com.answerloop.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One result. {@code snippetHtml} is safe HTML: the document text escaped, with only {@code <mark>} elements added
 * around matches. {@code state} is {@code null} for validated documents, else {@link SearchDocument#NOT_VALIDATED}.
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
        LocalDate updated,
        String state) {

    /** Whether the result is an article no editor has validated yet (shown to agents only, labelled). */
    public boolean notValidated() {
        return SearchDocument.NOT_VALIDATED.equals(state);
    }

    public String key() {
        return SearchDocument.key(type, id);
    }
}
