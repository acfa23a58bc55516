package com.answerloop.search;

import java.util.List;

/**
 * A page of results with facet counts and, when the query found little, a better spelling that finds more.
 *
 * @param total how many documents match
 * @param totalEstimated whether {@code total} and the facet counts are estimates (a broad query on a large index)
 * @param didYouMean a corrected query to offer, or {@code null}
 * @param showingResultsFor the corrected query these results are for, because the words as typed found nothing; or
 *     {@code null} when they are for the query as typed
 * @param rebuilding whether the index is being rebuilt, so results may be incomplete
 */
public record SearchResults(
        SearchQuery query,
        long total,
        boolean totalEstimated,
        List<SearchHit> hits,
        List<FacetValue> categories,
        List<FacetValue> tags,
        List<FacetValue> types,
        String didYouMean,
        String showingResultsFor,
        boolean rebuilding) {

    public int totalPages() {
        return (int) Math.min(SearchQuery.MAX_PAGE + 1, (total + query.size() - 1) / query.size());
    }

    /** A short page is the last one, whatever the total says (an estimated total can overshoot a little). */
    public boolean hasNext() {
        return query.page() + 1 < totalPages() && hits.size() == query.size();
    }

    /** These results, found for a corrected spelling, as the answer to the query as typed. */
    SearchResults correctedFrom(SearchQuery typed) {
        return new SearchResults(
                typed, total, totalEstimated, hits, categories, tags, types, null, query.text(), rebuilding);
    }
}
