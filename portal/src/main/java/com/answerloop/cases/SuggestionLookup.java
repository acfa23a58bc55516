package com.answerloop.cases;

import com.answerloop.search.SearchHit;
import com.answerloop.search.SearchManagement;
import com.answerloop.search.SearchQuery;
import com.answerloop.search.SearchSort;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Finds public articles and community threads that may answer what a customer is typing. */
@Component
class SuggestionLookup {

    private static final Logger log = LoggerFactory.getLogger(SuggestionLookup.class);
    private static final int LIMIT = 5;

    private final SearchManagement search;

    SuggestionLookup(SearchManagement search) {
        this.search = search;
    }

    List<Found> lookup(String text) {
        String words = text == null ? "" : text.strip();
        if (words.length() < 3) {
            return List.of();
        }
        try {
            // Customers only ever get public documents, even when an agent tries the form.
            return search
                    .search(new SearchQuery(words, null, List.of(), null, SearchSort.RELEVANCE, 0, LIMIT), false)
                    .hits()
                    .stream()
                    .map(Found::of)
                    .toList();
        } catch (RuntimeException e) {
            // Suggestions are a convenience: the form must work when the index cannot answer.
            log.warn("Contact form suggestions failed for a {}-character query", words.length(), e);
            return List.of();
        }
    }

    /** Whether the key names an indexed public document (deflections only count real suggestions). */
    boolean isPublicDocument(String key) {
        return publicUrlOf(key).isPresent();
    }

    /** The page of the indexed public document the key names: a path on this site, never another site's address. */
    Optional<String> publicUrlOf(String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon <= 0 || key.length() > 80) {
            return Optional.empty();
        }
        try {
            String url = search.urlOf(key.substring(0, colon), Long.parseLong(key.substring(colon + 1)), false);
            return Optional.ofNullable(url).filter(u -> u.startsWith("/") && !u.startsWith("//"));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A suggestion as the page and the JSON endpoint show it.
     *
     * @param snippetHtml escaped text with {@code <mark>} around matches (from the search module)
     */
    record Found(String key, String type, String title, String url, String snippetHtml) {

        static Found of(SearchHit hit) {
            return new Found(hit.key(), hit.type(), hit.title(), hit.url(), hit.snippetHtml());
        }

        /** Also in the JSON, so the page script shows the same label the server-rendered list does. */
        @JsonProperty("typeLabel")
        public String typeLabel() {
            return "thread".equals(type) ? "Community answer" : "Article";
        }
    }
}
