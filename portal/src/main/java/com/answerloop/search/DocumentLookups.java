package com.answerloop.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/** Documents found by key or listed without a query: click redirects, popular and recent articles, categories. */
final class DocumentLookups {

    private final SearchIndex index;
    private final FacetCounts facetCounts;
    private final CategoryTitles categoryTitles;

    DocumentLookups(SearchIndex index, FacetCounts facetCounts, CategoryTitles categoryTitles) {
        this.index = index;
        this.facetCounts = facetCounts;
        this.categoryTitles = categoryTitles;
    }

    /** The document's page, if it is in the index and visible to the reader: for click tracking redirects. */
    String urlOf(String key, boolean seesInternal) {
        Query query = ReaderFilters.visibleByKey(key, seesInternal);
        return index.search(searcher -> {
            TopDocs top = searcher.search(query, 1);
            return top.scoreDocs.length == 0
                    ? null
                    : searcher.storedFields().document(top.scoreDocs[0].doc).get(IndexSchema.URL);
        });
    }

    /** The given documents (by key, in that order) that the reader may see: popular articles. */
    List<SearchHit> documents(List<String> keys, boolean seesInternal) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return index.search(searcher -> {
            List<SearchHit> hits = new ArrayList<>();
            for (String key : keys) {
                TopDocs top = searcher.search(ReaderFilters.visibleByKey(key, seesInternal), 1);
                if (top.scoreDocs.length > 0) {
                    hits.add(HitReader.listed(searcher, top.scoreDocs[0].doc));
                }
            }
            return hits;
        });
    }

    /** The most recently updated documents the reader may see. */
    List<SearchHit> recent(boolean seesInternal, int limit) {
        return index.search(searcher -> {
            TopDocs top =
                    searcher.search(ReaderFilters.everythingVisible(seesInternal), limit, IndexSchema.newestFirst());
            List<SearchHit> hits = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                hits.add(HitReader.listed(searcher, sd.doc));
            }
            return hits;
        });
    }

    /** Category slugs and titles with their document counts, for browsing when nothing was found. */
    List<FacetValue> allCategories(boolean seesInternal) {
        Query all = ReaderFilters.everythingVisible(seesInternal);
        return index.search(searcher -> categoryTitles.withCategoryTitles(
                searcher,
                facetCounts
                        .count(searcher, all, Map.of(IndexSchema.CATEGORY, 20), false)
                        .values()
                        .get(IndexSchema.CATEGORY)));
    }
}
