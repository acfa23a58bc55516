package com.answerloop.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Runs a search: builds the words side ({@link LexicalQueries}) and the meaning side ({@link SemanticQuery}), counts
 * matches and facets ({@link FacetCounts}), ranks by words with the proximity pass ({@link ProximityRescorer}), fuses
 * the two rankings ({@link Fusion}), reads the page ({@link HitReader}) and offers a better spelling
 * ({@link SpellingCorrector}). Typeahead and document lookups are handed to their own classes. Stateless apart from
 * the index it reads.
 */
final class SearchEngine {

    /** The facets a search counts, each with how many of its most frequent values it shows. */
    private static final Map<String, Integer> FACETS =
            Map.of(IndexSchema.CATEGORY, 12, IndexSchema.TAG, 15, IndexSchema.TYPE, 5);

    /** How many of the best hits by words take part in the fusion with the semantic side. */
    static final int FUSED_LEXICAL = 100;

    /** Indexes of up to this many documents get exact counts unless told otherwise. */
    static final int EXACT_COUNTS_UP_TO = 50_000;

    /** The fewest matches a sample needs for its estimate to be shown (a few per cent off at worst). */
    private static final int MIN_SAMPLED_MATCHES = 1_000;

    /**
     * The first sample of a large index: enough documents to find {@link #MIN_SAMPLED_MATCHES} for any query that
     * matches a tenth of the index, which most broad queries do.
     */
    private static final int SAMPLE_DOCS = 10_240;

    private final SearchIndex index;
    private final LexicalQueries lexical;
    private final ProximityRescorer proximity;
    private final SemanticQuery semantic;
    private final Fusion fusion;
    private final FacetCounts facetCounts;
    private final CategoryTitles categoryTitles;
    private final HitReader hitReader = new HitReader();
    private final SpellingCorrector spelling;
    private final TitleSuggestions titleSuggestions;
    private final DocumentLookups lookups;

    SearchEngine(SearchIndex index, Supplier<Analyzer> queryAnalyzer, Ranking ranking) {
        this(index, queryAnalyzer, ranking, EXACT_COUNTS_UP_TO);
    }

    /** @param exactCountsUpTo see {@link SearchSettings#exactCountsUpTo()} */
    SearchEngine(SearchIndex index, Supplier<Analyzer> queryAnalyzer, Ranking ranking, int exactCountsUpTo) {
        this(index, queryAnalyzer, ranking, exactCountsUpTo, null, null);
    }

    /**
     * @param semantic the meaning side of a search, or {@code null} to search by words alone
     * @param fusion how the two rankings combine (used with {@code semantic})
     */
    SearchEngine(
            SearchIndex index,
            Supplier<Analyzer> queryAnalyzer,
            Ranking ranking,
            int exactCountsUpTo,
            SemanticQuery semantic,
            Fusion fusion) {
        this.index = index;
        this.lexical = new LexicalQueries(queryAnalyzer, ranking);
        this.proximity = new ProximityRescorer(lexical, ranking);
        this.semantic = semantic;
        this.fusion = fusion;
        ReaderCache perReader = new ReaderCache();
        this.facetCounts = new FacetCounts(
                perReader, exactCountsUpTo, Math.min(exactCountsUpTo, SAMPLE_DOCS), MIN_SAMPLED_MATCHES);
        this.categoryTitles = new CategoryTitles(perReader);
        this.spelling = new SpellingCorrector();
        this.titleSuggestions = new TitleSuggestions(index);
        this.lookups = new DocumentLookups(index, facetCounts, categoryTitles);
    }

    SearchResults search(SearchQuery request, boolean seesInternal, boolean rebuilding) {
        return index.search(searcher -> search(searcher, request, seesInternal, rebuilding, true));
    }

    /** @param mayCorrect whether a query whose words find nothing may be searched again with a corrected spelling */
    private SearchResults search(
            IndexSearcher searcher, SearchQuery request, boolean seesInternal, boolean rebuilding, boolean mayCorrect)
            throws IOException {
        ParsedQuery parsed = ParsedQuery.parse(request.text());
        Query relevance = lexical.relevance(parsed);
        if (relevance == null) {
            return new SearchResults(
                    request, 0, false, List.of(), List.of(), List.of(), List.of(), null, null, rebuilding);
        }
        Query query = ReaderFilters.filtered(relevance, request, seesInternal);
        Query matching = ReaderFilters.filtered(lexical.matching(parsed), request, seesInternal);
        boolean hybrid = semantic != null
                && request.sort() != SearchSort.RECENCY
                && parsed.excluded().isEmpty();
        // The total and the facet counts need the matches but no scores; the page of hits needs scores only for the
        // best documents, which Lucene finds while skipping the hopeless ones. So two passes, neither doing the
        // other's work.
        FacetCounts.Counted counted = facetCounts.count(searcher, matching, FACETS, true);
        String correction = counted.total() < SpellingCorrector.FEW_HITS
                ? spelling.correction(searcher, request, seesInternal)
                : null;
        if (correction != null && counted.total() == 0 && mayCorrect) {
            // nothing holds the words as typed: a typo should still find the article (docs/search.md, "Spelling")
            SearchResults corrected = search(searcher, request.withText(correction), seesInternal, rebuilding, false);
            return corrected.correctedFrom(request);
        }
        TopDocs top = byWords(searcher, query, parsed, request, hybrid);
        long total = counted.total();
        if (hybrid) {
            // The hits by words and the documents nearest in meaning, fused by rank. The total adds the documents
            // that only the meaning found; the facets count the matches by words (docs/search.md).
            Map<Integer, Float> nearest =
                    semantic.nearest(searcher, parsed.positiveText(), ReaderFilters.scope(request, seesInternal));
            total += Fusion.notMatchedBy(searcher, matching, nearest.keySet()).size();
            top = new TopDocs(top.totalHits, fusion.fuse(top.scoreDocs, FUSED_LEXICAL, nearest));
        }
        List<SearchHit> hits = hitReader.page(searcher, lexical.highlight(parsed), pageOf(top, request));
        List<FacetValue> categories =
                categoryTitles.withCategoryTitles(searcher, counted.values().get(IndexSchema.CATEGORY));
        return new SearchResults(
                request,
                total,
                counted.estimated(),
                hits,
                categories,
                counted.values().get(IndexSchema.TAG),
                counted.values().get(IndexSchema.TYPE),
                correction,
                null,
                rebuilding);
    }

    /** The ranking by words: newest first, or by score with the proximity pass over the best hits. */
    private TopDocs byWords(
            IndexSearcher searcher, Query query, ParsedQuery parsed, SearchQuery request, boolean hybrid)
            throws IOException {
        int wanted = (request.page() + 1) * request.size();
        if (request.sort() == SearchSort.RECENCY) {
            return searcher.search(
                    query, new TopFieldCollectorManager(IndexSchema.newestFirst(), wanted, null, wanted));
        }
        int candidates = Math.max(wanted, hybrid ? FUSED_LEXICAL : ProximityRescorer.PROXIMITY_WINDOW);
        TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(candidates, candidates));
        return proximity.rescore(searcher, top, parsed);
    }

    /**
     * The documents of a type nearest in meaning to an indexed document (by key), best first, as their ids; empty when
     * searches do not find by meaning or the document is not in the index.
     */
    List<Long> nearestInMeaning(String key, String type, boolean seesInternal, int limit) {
        if (semantic == null) {
            return List.of();
        }
        SearchQuery scope = new SearchQuery("", null, List.of(), type, SearchSort.RELEVANCE, 0, 1);
        return index.search(searcher -> {
            TopDocs self = searcher.search(new TermQuery(new Term(IndexSchema.KEY, key)), 1);
            if (self.scoreDocs.length == 0) {
                return List.<Long>of();
            }
            Map<Integer, Float> nearest =
                    semantic.nearestTo(searcher, self.scoreDocs[0].doc, ReaderFilters.scope(scope, seesInternal));
            StoredFields stored = searcher.storedFields();
            List<Long> ids = new ArrayList<>();
            for (Map.Entry<Integer, Float> hit : nearest.entrySet().stream()
                    .sorted(Map.Entry.<Integer, Float>comparingByValue().reversed())
                    .limit(limit)
                    .toList()) {
                ids.add(stored.document(hit.getKey(), Set.of(IndexSchema.ID))
                        .getField(IndexSchema.ID)
                        .numericValue()
                        .longValue());
            }
            return ids;
        });
    }

    private static ScoreDoc[] pageOf(TopDocs topDocs, SearchQuery request) {
        int from = request.page() * request.size();
        if (from >= topDocs.scoreDocs.length) {
            return new ScoreDoc[0];
        }
        return Arrays.copyOfRange(topDocs.scoreDocs, from, Math.min(topDocs.scoreDocs.length, from + request.size()));
    }

    /** Titles that start with what was typed (see {@link TitleSuggestions}). */
    List<Suggestion> titleSuggestions(String typed, boolean seesInternal, int limit) {
        return titleSuggestions.titles(typed, seesInternal, limit);
    }

    /** The document's page, if it is in the index and visible to the reader: for click tracking redirects. */
    String urlOf(String key, boolean seesInternal) {
        return lookups.urlOf(key, seesInternal);
    }

    /** The given documents (by key, in that order) that the reader may see: popular articles. */
    List<SearchHit> documents(List<String> keys, boolean seesInternal) {
        return lookups.documents(keys, seesInternal);
    }

    /** The most recently updated documents the reader may see. */
    List<SearchHit> recent(boolean seesInternal, int limit) {
        return lookups.recent(seesInternal, limit);
    }

    /** Category slugs and titles with their document counts, for browsing when nothing was found. */
    List<FacetValue> allCategories(boolean seesInternal) {
        return lookups.allCategories(seesInternal);
    }
}
