package com.answerloop.search;

import com.answerloop.community.IndexableThread;
import com.answerloop.community.SimilarContent;
import com.answerloop.community.ThreadManagement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Community threads as search documents (title, question, accepted answer and top answers), for rebuilds from the
 * forum's database; also answers the forum's "may already be answered" lookup while a member types a question.
 */
@Component
class ThreadDocuments implements DocumentSource, SimilarContent {

    static final String TYPE = "thread";

    private static final int SUMMARY_LENGTH = 240;

    private final ThreadManagement threads;
    // Looked up on use: the index keeper needs this source, and search management needs the index keeper.
    private final ObjectProvider<SearchManagement> search;

    ThreadDocuments(ThreadManagement threads, ObjectProvider<SearchManagement> search) {
        this.threads = threads;
        this.search = search;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Stream<SearchDocument> all() {
        return threads.allIndexable().stream().map(ThreadDocuments::toDocument);
    }

    static SearchDocument toDocument(IndexableThread thread) {
        StringBuilder body = new StringBuilder(thread.question());
        if (!thread.acceptedAnswer().isBlank()) {
            body.append("\n\n").append(thread.acceptedAnswer());
        }
        thread.topAnswers().forEach(answer -> body.append("\n\n").append(answer));
        String summary = thread.acceptedAnswer().isBlank() ? thread.question() : thread.acceptedAnswer();
        if (summary.length() > SUMMARY_LENGTH) {
            summary = summary.substring(0, SUMMARY_LENGTH).replaceAll("\\s+\\S*$", "") + "…";
        }
        return new SearchDocument(
                TYPE,
                thread.id(),
                thread.slug(),
                thread.url(),
                thread.title(),
                summary,
                List.of(),
                body.toString(),
                thread.tags(),
                null,
                null,
                null,
                null,
                false,
                thread.updated());
    }

    @Override
    public List<Match> similarTo(String title, int limit) {
        String text = title == null ? "" : title.strip();
        if (text.length() < 3) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        try {
            SearchResults results = search.getObject()
                    .search(
                            new SearchQuery(text, null, List.of(), null, SearchSort.RELEVANCE, 0, Math.min(limit, 20)),
                            false);
            for (SearchHit hit : results.hits()) {
                if (seen.add(hit.url())) {
                    matches.add(new Match(hit.type(), hit.title(), hit.url()));
                }
            }
        } catch (IllegalArgumentException e) {
            // A title the query parser cannot read finds nothing similar; the typeahead below may still help.
        }
        if (matches.size() < limit) {
            for (Suggestion suggestion : search.getObject().suggest(text, false, limit)) {
                if (suggestion.url() != null && seen.add(suggestion.url()) && matches.size() < limit) {
                    matches.add(new Match(
                            suggestion.url().startsWith("/community/") ? TYPE : ArticleDocuments.TYPE,
                            suggestion.text(),
                            suggestion.url()));
                }
            }
        }
        return matches.size() > limit ? matches.subList(0, limit) : matches;
    }
}
