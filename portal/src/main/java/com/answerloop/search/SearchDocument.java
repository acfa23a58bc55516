package com.answerloop.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One searchable thing, as any module hands it to {@link SearchManagement#index(SearchDocument)}: an article now, a
 * community thread later. Text is plain text (no Markdown or HTML).
 *
 * @param type the kind of document, {@code article} or {@code thread}; part of the document's identity
 * @param id the id within its type
 * @param slug the URL slug
 * @param url the path of the page that shows the document
 * @param internal whether only agents, editors and admins may find it
 * @param updated when the visible content last changed, for recency sorting
 * @param state a lifecycle label readers must see beside the title ({@code not-validated}), or {@code null} for a
 *     validated (published) document
 * @param phrasings how people ask for it, learned from the loop; added by the search module when it writes the
 *     document ({@link LearnedPhrasings}), not by the owning module
 */
public record SearchDocument(
        String type,
        long id,
        String slug,
        String url,
        String title,
        String summary,
        List<String> headings,
        String body,
        List<String> tags,
        String categorySlug,
        String categoryTitle,
        String sectionSlug,
        String sectionTitle,
        boolean internal,
        LocalDate updated,
        String state,
        List<String> phrasings) {

    /** Lifecycle state of an article that agents may use before an editor has validated it. */
    public static final String NOT_VALIDATED = "not-validated";

    /** A document as its owning module gives it, without learned phrasings. */
    public SearchDocument(
            String type,
            long id,
            String slug,
            String url,
            String title,
            String summary,
            List<String> headings,
            String body,
            List<String> tags,
            String categorySlug,
            String categoryTitle,
            String sectionSlug,
            String sectionTitle,
            boolean internal,
            LocalDate updated,
            String state) {
        this(
                type,
                id,
                slug,
                url,
                title,
                summary,
                headings,
                body,
                tags,
                categorySlug,
                categoryTitle,
                sectionSlug,
                sectionTitle,
                internal,
                updated,
                state,
                List.of());
    }

    /** A validated document (every community thread, every published article). */
    public SearchDocument(
            String type,
            long id,
            String slug,
            String url,
            String title,
            String summary,
            List<String> headings,
            String body,
            List<String> tags,
            String categorySlug,
            String categoryTitle,
            String sectionSlug,
            String sectionTitle,
            boolean internal,
            LocalDate updated) {
        this(
                type,
                id,
                slug,
                url,
                title,
                summary,
                headings,
                body,
                tags,
                categorySlug,
                categoryTitle,
                sectionSlug,
                sectionTitle,
                internal,
                updated,
                null);
    }

    public SearchDocument {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        summary = summary == null ? "" : summary;
        body = body == null ? "" : body;
        headings = headings == null ? List.of() : List.copyOf(headings);
        tags = tags == null ? List.of() : List.copyOf(tags);
        phrasings = phrasings == null ? List.of() : List.copyOf(phrasings);
        updated = updated == null ? LocalDate.of(1970, 1, 1) : updated;
        state = state == null || state.isBlank() ? null : state;
        // Not validated content is for agents only, whatever visibility it will have once validated.
        internal = internal || state != null;
    }

    /** The same document with these learned phrasings. */
    SearchDocument withPhrasings(List<String> learned) {
        return new SearchDocument(
                type,
                id,
                slug,
                url,
                title,
                summary,
                headings,
                body,
                tags,
                categorySlug,
                categoryTitle,
                sectionSlug,
                sectionTitle,
                internal,
                updated,
                state,
                learned);
    }

    /** The index key: type and id together, so articles and threads never collide. */
    public String key() {
        return key(type, id);
    }

    public static String key(String type, long id) {
        return type + ":" + id;
    }
}
