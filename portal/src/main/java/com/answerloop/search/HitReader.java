package com.answerloop.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Reads hits for the reader: a page of ranked hits with their highlighted snippets, or a listed document (popular,
 * recent) with the few stored fields a listing shows.
 */
final class HitReader {

    /**
     * The stored fields a listing (popular, recent) shows: everything but the texts, whose decoding made
     * up most of the cost of reading a document.
     */
    private static final Set<String> LISTED = Set.of(
            IndexSchema.TYPE,
            IndexSchema.ID,
            IndexSchema.SLUG,
            IndexSchema.TITLE,
            IndexSchema.URL,
            IndexSchema.CATEGORY,
            IndexSchema.CATEGORY_TITLE,
            IndexSchema.SECTION_TITLE,
            IndexSchema.TAG,
            IndexSchema.UPDATED,
            IndexSchema.STATE);

    private final Analyzer indexAnalyzer = SearchAnalyzers.indexAnalyzer();

    List<SearchHit> page(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        // each hit's stored fields are read (and decompressed) once, for the hit and for its snippet
        StoredFields stored = searcher.storedFields();
        Map<Integer, Document> documents = new HashMap<>();
        for (ScoreDoc hit : page) {
            documents.put(hit.doc, stored.document(hit.doc));
        }
        UnifiedHighlighter highlighter =
                new SnippetHighlighter(SnippetHighlighter.settings(searcher, indexAnalyzer), documents);
        int[] docIds = Arrays.stream(page).mapToInt(d -> d.doc).toArray();
        String[] bodies = snippets(highlighter, IndexSchema.BODY, query, docIds, 2);
        // The summary is highlighted only for the hits whose body shows no match: highlighting a field reads its
        // words' postings and builds passages, work wasted on a summary that would not be shown.
        int[] withoutMatch = IntStream.range(0, page.length)
                .filter(i -> !isMarked(bodies[i]))
                .toArray();
        String[] summaries = new String[page.length];
        if (withoutMatch.length > 0) {
            int[] summaryDocs = Arrays.stream(withoutMatch).map(i -> docIds[i]).toArray();
            String[] highlighted = snippets(highlighter, IndexSchema.SUMMARY, query, summaryDocs, 1);
            for (int j = 0; j < withoutMatch.length; j++) {
                summaries[withoutMatch[j]] = highlighted[j];
            }
        }
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            String snippet = firstMarked(bodies[i], summaries[i]);
            float score = Float.isNaN(page[i].score) ? 0f : page[i].score;
            hits.add(hit(documents.get(page[i].doc), score, snippet));
        }
        return hits;
    }

    private static String[] snippets(
            UnifiedHighlighter highlighter, String field, Query query, int[] docIds, int passages) throws IOException {
        return highlighter
                .highlightFields(new String[] {field}, query, docIds, new int[] {passages})
                .get(field);
    }

    private static boolean isMarked(String snippet) {
        return snippet != null && snippet.contains("<mark>");
    }

    /** The body passage if it shows a match, else the summary's, else whichever has text (both already escaped). */
    private static String firstMarked(String body, String summary) {
        if (isMarked(body)) {
            return body;
        }
        if (isMarked(summary)) {
            return summary;
        }
        if (summary != null && !summary.isBlank()) {
            return summary;
        }
        return body == null ? "" : body;
    }

    /** A document for a listing (popular, recent): no snippet, and only the stored fields a listing shows. */
    static SearchHit listed(IndexSearcher searcher, int doc) throws IOException {
        return hit(searcher.storedFields().document(doc, LISTED), 0f, "");
    }

    private static SearchHit hit(Document doc, float score, String snippet) {
        return new SearchHit(
                doc.get(IndexSchema.TYPE),
                doc.getField(IndexSchema.ID).numericValue().longValue(),
                doc.get(IndexSchema.SLUG),
                doc.get(IndexSchema.TITLE),
                doc.get(IndexSchema.URL),
                snippet,
                score,
                doc.get(IndexSchema.CATEGORY),
                doc.get(IndexSchema.CATEGORY_TITLE),
                doc.get(IndexSchema.SECTION_TITLE),
                List.of(doc.getValues(IndexSchema.TAG)),
                LocalDate.ofEpochDay(
                        doc.getField(IndexSchema.UPDATED).numericValue().longValue()),
                doc.get(IndexSchema.STATE));
    }
}
