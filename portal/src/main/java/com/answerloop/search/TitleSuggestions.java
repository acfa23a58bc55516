package com.answerloop.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Typeahead's article titles: titles holding the words typed so far, the last one as a prefix, read from doc values
 * rather than the stored fields (which carry the long body).
 */
final class TitleSuggestions {

    private final SearchIndex index;
    private final Analyzer words = new SearchAnalyzers.Words();

    TitleSuggestions(SearchIndex index) {
        this.index = index;
    }

    /** Titles that start with what was typed: whole words so far, the last one as a prefix. */
    List<Suggestion> titles(String typed, boolean seesInternal, int limit) {
        List<String> tokens = SearchText.tokens(words, IndexSchema.TITLE_WORDS, typed, 8);
        if (tokens.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (int i = 0; i < tokens.size() - 1; i++) {
            query.add(new TermQuery(new Term(IndexSchema.TITLE_WORDS, tokens.get(i))), BooleanClause.Occur.MUST);
        }
        String last = tokens.get(tokens.size() - 1);
        boolean endsWithSpace = !typed.isEmpty() && Character.isWhitespace(typed.charAt(typed.length() - 1));
        Query lastWord;
        if (endsWithSpace) {
            lastWord = new TermQuery(new Term(IndexSchema.TITLE_WORDS, last));
        } else if (last.length() <= IndexSchema.MAX_PREFIX) {
            // one indexed term, however many words start with it (a prefix query over "co" visits thousands)
            lastWord = new TermQuery(new Term(IndexSchema.TITLE_PREFIXES, last));
        } else {
            lastWord = new PrefixQuery(new Term(IndexSchema.TITLE_WORDS, last));
        }
        query.add(lastWord, BooleanClause.Occur.MUST);
        Query built = ReaderFilters.visibleOnly(query, seesInternal).build();
        return index.search(searcher -> {
            TopDocs top = searcher.search(built, limit);
            List<LeafReaderContext> segments = searcher.getIndexReader().leaves();
            List<Suggestion> titles = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                LeafReaderContext segment = segments.get(ReaderUtil.subIndex(sd.doc, segments));
                int doc = sd.doc - segment.docBase;
                titles.add(new Suggestion(
                        Suggestion.Kind.TITLE,
                        docValue(segment, IndexSchema.TYPEAHEAD_TITLE, doc),
                        docValue(segment, IndexSchema.TYPEAHEAD_URL, doc)));
            }
            return titles;
        });
    }

    private static String docValue(LeafReaderContext segment, String field, int doc) throws IOException {
        BinaryDocValues values = DocValues.getBinary(segment.reader(), field);
        return values.advanceExact(doc) ? values.binaryValue().utf8ToString() : "";
    }
}
