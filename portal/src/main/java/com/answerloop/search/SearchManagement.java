package com.answerloop.search;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Service;

/**
 * The search module's entry point: finding documents, suggesting as a reader types, and keeping documents of any
 * type (articles, and community threads later) in the index.
 */
@Service
public class SearchManagement {

    private final IndexKeeper keeper;
    private final PopularQueries popularQueries;

    /**
     * Searches run here, on one platform thread per core, not on the request's virtual thread. A search is pure CPU
     * work, and virtual threads are never preempted: under load a few searches held every carrier thread while cheap
     * requests (typeahead, pages) queued behind them. Platform threads are time-sliced by the OS and the queue is
     * first come, first served.
     */
    private final ExecutorService searchThreads = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(),
            Thread.ofPlatform().name("search-", 1).daemon().factory());

    private final LearnedPhrasings phrasings;

    SearchManagement(IndexKeeper keeper, PopularQueries popularQueries, LearnedPhrasings phrasings) {
        this.keeper = keeper;
        this.popularQueries = popularQueries;
        this.phrasings = phrasings;
    }

    /**
     * Runs a search.
     *
     * @param seesInternal whether the reader may see internal documents (agents, editors, admins)
     */
    public SearchResults search(SearchQuery query, boolean seesInternal) {
        return onSearchThread(() -> keeper.engine().search(query, seesInternal, keeper.resultsMayBeIncomplete()));
    }

    /**
     * Documents of a type nearest in meaning to an indexed one, best first, as ids; empty when searches do not find by
     * meaning. For "related articles".
     */
    List<Long> nearestInMeaning(String type, long id, boolean seesInternal, int limit) {
        return onSearchThread(
                () -> keeper.engine().nearestInMeaning(SearchDocument.key(type, id), type, seesInternal, limit));
    }

    /** Runs index work on the search threads (see {@link #searchThreads}) and waits for its answer. */
    private <T> T onSearchThread(Callable<T> work) {
        Future<T> result = searchThreads.submit(work);
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Search failed", e.getCause());
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while searching", e);
        }
    }

    @PreDestroy
    void stopSearchThreads() {
        searchThreads.shutdownNow();
    }

    /** Typeahead: matching titles first, then popular past queries that found something. */
    public List<Suggestion> suggest(String typed, boolean seesInternal, int limit) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        if (text.length() > 100) {
            text = text.substring(0, 100);
        }
        List<Suggestion> suggestions = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Suggestion title : keeper.engine().titleSuggestions(typed, seesInternal, limit)) {
            suggestions.add(title);
            seen.add(title.text().toLowerCase(Locale.ROOT));
        }
        for (String query : popularQueries.startingWith(ParsedQuery.normalize(text), limit)) {
            if (suggestions.size() >= limit) {
                break;
            }
            if (seen.add(query)) {
                suggestions.add(new Suggestion(Suggestion.Kind.QUERY, query, null));
            }
        }
        return suggestions.size() > limit ? suggestions.subList(0, limit) : suggestions;
    }

    /** Adds or replaces a document; searchable within the refresh interval (well under a second). */
    public void index(SearchDocument document) {
        keeper.update(document);
    }

    /** Removes a document, if present. */
    public void remove(String type, long id) {
        keeper.delete(SearchDocument.key(type, id));
    }

    /** The page of an indexed document the reader may see, or {@code null}. */
    public String urlOf(String type, long id, boolean seesInternal) {
        return keeper.engine().urlOf(SearchDocument.key(type, id), seesInternal);
    }

    /** Documents readers opened most from search results lately, else the most recently updated ones. */
    public List<SearchHit> popular(boolean seesInternal, int limit) {
        List<SearchHit> popular = keeper.engine().documents(popularQueries.mostClicked(limit), seesInternal);
        return popular.isEmpty() ? keeper.engine().recent(seesInternal, limit) : popular;
    }

    /** Categories with their document counts, for browsing. */
    public List<FacetValue> categories(boolean seesInternal) {
        return keeper.engine().allCategories(seesInternal);
    }

    /**
     * Evidence that people ask for a document this way: a visitor's search that ended on it, or a case it was linked
     * to. Text with personal data in it is not kept (callers that know names scrub them first); {@code source} is a
     * pseudonymous visitor key or a case, and a phrasing counts once three different sources gave it (docs/search.md,
     * "Phrasings learned from the loop").
     */
    public void learnPhrasing(String documentKey, String text, String source) {
        phrasings.evidence(documentKey, text, source);
    }

    /** How people ask for an article, for its editors. */
    public List<LearnedPhrasing> learnedPhrasings(long articleId) {
        return phrasings.learned(SearchDocument.key(ArticleDocuments.TYPE, articleId));
    }

    /** An editor removes a learned phrasing from an article for good; {@code false} when it had none such. */
    public boolean removePhrasing(long articleId, String phrasing, String editor) {
        return phrasings.remove(SearchDocument.key(ArticleDocuments.TYPE, articleId), phrasing, editor);
    }

    /** Starts a background rebuild from the owning modules; {@code false} if one is already running. */
    public boolean rebuild() {
        return keeper.rebuild("requested by an administrator", false);
    }

    public boolean isRebuilding() {
        return keeper.isRebuilding();
    }

    public int documentCount() {
        return keeper.index().documentCount();
    }
}
