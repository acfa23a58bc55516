package com.answerloop.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/** The titles of category facet values (the index keys them by slug), looked up once per index reader. */
final class CategoryTitles {

    private final ReaderCache perReader;

    CategoryTitles(ReaderCache perReader) {
        this.perReader = perReader;
    }

    List<FacetValue> withCategoryTitles(IndexSearcher searcher, List<FacetValue> counted) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        List<FacetValue> values = new ArrayList<>(counted.size());
        for (FacetValue value : counted) {
            String title = perReader.get(
                    reader, "category-title:" + value.value(), () -> categoryTitle(searcher, value.value()));
            values.add(new FacetValue(value.value(), title, value.count()));
        }
        return values;
    }

    private static String categoryTitle(IndexSearcher searcher, String slug) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(IndexSchema.CATEGORY, slug)), 1);
        if (top.scoreDocs.length == 0) {
            return slug;
        }
        String title = searcher.storedFields().document(top.scoreDocs[0].doc).get(IndexSchema.CATEGORY_TITLE);
        return title == null ? slug : title;
    }
}
