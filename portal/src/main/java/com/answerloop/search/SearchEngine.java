package com.answerloop.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a {@link SearchQuery} into Lucene queries and reads the answers: ranking, filters, facets, highlighted
 * snippets, spelling corrections and title suggestions. Stateless apart from the index it reads.
 */
final class SearchEngine {

    /** The top-hits pass stops counting here so it can skip; the exact total comes from the facet pass. */
    private static final int COUNT_EXACTLY_UP_TO = 1_000;

    /** Below this many hits a better spelling is looked for. */
    static final int FEW_HITS = 3;

    /** Queries with more words than this get no spelling suggestion. */
    static final int MAX_SPELLED_WORDS = 6;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** The fields whose passages become snippets: body first, the summary when the body shows no match. */
    private static final String[] HIGHLIGHTED = {IndexSchema.BODY, IndexSchema.SUMMARY};

    private final SearchIndex index;
    private final Supplier<Analyzer> queryAnalyzer;
    private final Analyzer indexAnalyzer = SearchAnalyzers.indexAnalyzer();
    private final Analyzer words = new SearchAnalyzers.Words();
    private final Ranking ranking;
    private final DirectSpellChecker spellChecker = new DirectSpellChecker();
    private final ReaderCache perReader = new ReaderCache();

    SearchEngine(SearchIndex index, Supplier<Analyzer> queryAnalyzer, Ranking ranking) {
        this.index = index;
        this.queryAnalyzer = queryAnalyzer;
        this.ranking = ranking;
        spellChecker.setMinQueryLength(3);
    }

    /** The scoring part of a query: every field with its boost, plus a bonus when the words appear close together. */
    Query relevanceQuery(ParsedQuery parsed) {
        return textQuery(parsed, true);
    }

    /**
     * The same matches without the proximity bonus: a document near-matching a phrase already matches its words, so
     * the set is the same, and counting facets over it need not evaluate phrase positions.
     */
    private Query matchQuery(ParsedQuery parsed) {
        return textQuery(parsed, false);
    }

    private Query textQuery(ParsedQuery parsed, boolean proximity) {
        QueryBuilder builder = new QueryBuilder(queryAnalyzer.get());
        builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        String positive = parsed.positiveText();
        BooleanQuery.Builder scoring = new BooleanQuery.Builder();
        int clauses = 0;
        for (Map.Entry<String, Float> field : boosts().entrySet()) {
            Query query = builder.createBooleanQuery(field.getKey(), positive, BooleanClause.Occur.SHOULD);
            if (query != null && field.getValue() > 0) {
                scoring.add(new BoostQuery(query, field.getValue()), BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        if (clauses == 0) {
            return null;
        }
        if (proximity && ranking.proximity() > 0 && !parsed.text().isBlank()) {
            for (String field : List.of(IndexSchema.TITLE, IndexSchema.BODY)) {
                Query near = builder.createPhraseQuery(field, parsed.text(), ranking.proximitySlop());
                if (near != null && !(near instanceof TermQuery)) {
                    scoring.add(new BoostQuery(near, ranking.proximity()), BooleanClause.Occur.SHOULD);
                }
            }
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(scoring.build(), BooleanClause.Occur.MUST);
        for (String phrase : parsed.phrases()) {
            Query exact = inAnyField(builder, phrase);
            if (exact != null) {
                query.add(exact, BooleanClause.Occur.FILTER);
            }
        }
        for (String excluded : parsed.excluded()) {
            Query unwanted = inAnyField(builder, excluded);
            if (unwanted != null) {
                query.add(unwanted, BooleanClause.Occur.MUST_NOT);
            }
        }
        return query.build();
    }

    /**
     * What the snippets mark: the query's words in the highlighted fields only. Highlighting with the full ranking
     * query would rewrite all its boosted fields and proximity clauses again for every hit, which cost more than the
     * search itself.
     */
    private Query highlightQuery(ParsedQuery parsed) {
        QueryBuilder builder = new QueryBuilder(queryAnalyzer.get());
        BooleanQuery.Builder marked = new BooleanQuery.Builder();
        for (String field : HIGHLIGHTED) {
            Query query = builder.createBooleanQuery(field, parsed.positiveText(), BooleanClause.Occur.SHOULD);
            if (query != null) {
                marked.add(query, BooleanClause.Occur.SHOULD);
            }
        }
        return marked.build();
    }

    private Map<String, Float> boosts() {
        Map<String, Float> boosts = new LinkedHashMap<>();
        boosts.put(IndexSchema.TITLE, ranking.title());
        boosts.put(IndexSchema.SUMMARY, ranking.summary());
        boosts.put(IndexSchema.HEADINGS, ranking.headings());
        boosts.put(IndexSchema.BODY, ranking.body());
        boosts.put(IndexSchema.TAGS, ranking.tags());
        return boosts;
    }

    /** A word or exact phrase in any text field. */
    private static Query inAnyField(QueryBuilder builder, String text) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        for (String field : List.of(
                IndexSchema.TITLE, IndexSchema.SUMMARY, IndexSchema.HEADINGS, IndexSchema.BODY, IndexSchema.TAGS)) {
            Query query = builder.createPhraseQuery(field, text);
            if (query != null) {
                any.add(query, BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : any.build();
    }

    private static Query filtered(Query relevance, SearchQuery request, boolean seesInternal) {
        BooleanQuery filters = filters(request, seesInternal);
        if (filters.clauses().isEmpty()) {
            return relevance;
        }
        return new BooleanQuery.Builder()
                .add(relevance, BooleanClause.Occur.MUST)
                .add(filters, BooleanClause.Occur.FILTER)
                .build();
    }

    private static BooleanQuery filters(SearchQuery request, boolean seesInternal) {
        BooleanQuery.Builder filters = new BooleanQuery.Builder();
        if (!seesInternal) {
            filters.add(
                    new TermQuery(new Term(IndexSchema.VISIBILITY, IndexSchema.PUBLIC)), BooleanClause.Occur.FILTER);
        }
        if (request.category() != null) {
            filters.add(new TermQuery(new Term(IndexSchema.CATEGORY, request.category())), BooleanClause.Occur.FILTER);
        }
        if (request.type() != null) {
            filters.add(new TermQuery(new Term(IndexSchema.TYPE, request.type())), BooleanClause.Occur.FILTER);
        }
        for (String tag : request.tags()) {
            filters.add(
                    new TermQuery(new Term(IndexSchema.TAG, IndexSchema.normalizeTag(tag))),
                    BooleanClause.Occur.FILTER);
        }
        return filters.build();
    }

    SearchResults search(SearchQuery request, boolean seesInternal, boolean rebuilding) {
        ParsedQuery parsed = ParsedQuery.parse(request.text());
        Query relevance = relevanceQuery(parsed);
        if (relevance == null) {
            return new SearchResults(request, 0, List.of(), List.of(), List.of(), List.of(), null, rebuilding);
        }
        Query query = filtered(relevance, request, seesInternal);
        Query matching = filtered(matchQuery(parsed), request, seesInternal);
        return index.search(searcher -> {
            int wanted = (request.page() + 1) * request.size();
            // Facet counts and the total need every match but no score: one pass that does not score. The page of
            // hits needs scores only for the best documents, which Lucene finds while skipping the hopeless ones
            // (scoring every match for one pass cost most of a search at 200,000 articles).
            FacetsCollector facets = searcher.search(matching, new FacetsCollectorManager());
            TopDocs top = request.sort() == SearchSort.RECENCY
                    ? searcher.search(query, new TopFieldCollectorManager(recency(), wanted, null, COUNT_EXACTLY_UP_TO))
                    : searcher.search(query, new TopScoreDocCollectorManager(wanted, COUNT_EXACTLY_UP_TO));
            long total = facets.getMatchingDocs().stream()
                    .mapToLong(m -> m.totalHits())
                    .sum();
            ScoreDoc[] page = pageOf(top, request);
            List<SearchHit> hits = hits(searcher, highlightQuery(parsed), page);
            List<FacetValue> categories = facet(searcher, facets, IndexSchema.CATEGORY, 12, true);
            List<FacetValue> tags = facet(searcher, facets, IndexSchema.TAG, 15, false);
            List<FacetValue> types = facet(searcher, facets, IndexSchema.TYPE, 5, false);
            String didYouMean = total < FEW_HITS ? didYouMean(searcher, request, seesInternal, total) : null;
            return new SearchResults(request, total, hits, categories, tags, types, didYouMean, rebuilding);
        });
    }

    private static Sort recency() {
        return new Sort(new SortField(IndexSchema.UPDATED, SortField.Type.LONG, true), SortField.FIELD_SCORE);
    }

    private static ScoreDoc[] pageOf(TopDocs topDocs, SearchQuery request) {
        int from = request.page() * request.size();
        if (from >= topDocs.scoreDocs.length) {
            return new ScoreDoc[0];
        }
        return Arrays.copyOfRange(topDocs.scoreDocs, from, Math.min(topDocs.scoreDocs.length, from + request.size()));
    }

    private List<SearchHit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        int[] docIds = Arrays.stream(page).mapToInt(d -> d.doc).toArray();
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, indexAnalyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(100_000)
                .build();
        Map<String, String[]> snippets = highlighter.highlightFields(HIGHLIGHTED, query, docIds, new int[] {2, 1});
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            Document doc = stored.document(page[i].doc);
            String body = snippets.get(IndexSchema.BODY)[i];
            String summary = snippets.get(IndexSchema.SUMMARY)[i];
            String snippet = firstMarked(body, summary);
            float score = Float.isNaN(page[i].score) ? 0f : page[i].score;
            hits.add(new SearchHit(
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
                    doc.get(IndexSchema.STATE)));
        }
        return hits;
    }

    /** The body passage if it shows a match, else the summary's, else whichever has text (both already escaped). */
    private static String firstMarked(String body, String summary) {
        if (body != null && body.contains("<mark>")) {
            return body;
        }
        if (summary != null && summary.contains("<mark>")) {
            return summary;
        }
        if (summary != null && !summary.isBlank()) {
            return summary;
        }
        return body == null ? "" : body;
    }

    private List<FacetValue> facet(
            IndexSearcher searcher, FacetsCollector collector, String field, int top, boolean titled)
            throws IOException {
        IndexReader reader = searcher.getIndexReader();
        if (reader.leaves().stream().allMatch(leaf -> {
            try {
                return leaf.reader().getSortedSetDocValues(field) == null;
            } catch (IOException e) {
                return true;
            }
        })) {
            return List.of();
        }
        StringValueFacetCounts counts = new StringValueFacetCounts(
                perReader.get(reader, "facet-state:" + field, () -> new StringDocValuesReaderState(reader, field)),
                collector);
        FacetResult result = counts.getTopChildren(top, field);
        if (result == null) {
            return List.of();
        }
        List<FacetValue> values = new ArrayList<>();
        for (LabelAndValue lv : result.labelValues) {
            String label = titled
                    ? perReader.get(reader, "category-title:" + lv.label, () -> categoryTitle(searcher, lv.label))
                    : lv.label;
            values.add(new FacetValue(lv.label, label, lv.count));
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

    /**
     * A corrected query when the words look misspelt: each word missing from (or rare in) the index is replaced by
     * the closest indexed word, and the correction is offered only if it finds more than the original.
     */
    private String didYouMean(IndexSearcher searcher, SearchQuery request, boolean seesInternal, long hits)
            throws IOException {
        IndexReader reader = searcher.getIndexReader();
        String text = request.text().length() > ParsedQuery.MAX_LENGTH
                ? request.text().substring(0, ParsedQuery.MAX_LENGTH)
                : request.text();
        Matcher counter = WORD.matcher(text);
        int wordCount = 0;
        while (counter.find()) {
            wordCount++;
        }
        if (wordCount == 0 || wordCount > MAX_SPELLED_WORDS) {
            // long input is rarely a typo and checking every word would cost more than the search itself
            return null;
        }
        Matcher matcher = WORD.matcher(text);
        StringBuilder corrected = new StringBuilder();
        boolean changed = false;
        while (matcher.find()) {
            String word = matcher.group().toLowerCase(Locale.ROOT);
            String replacement = word;
            if (word.length() >= 3 && word.length() <= 24 && word.chars().noneMatch(Character::isDigit)) {
                Term term = new Term(IndexSchema.SPELL, word);
                int freq = reader.docFreq(term);
                if (freq == 0) {
                    SuggestWord[] suggestions =
                            spellChecker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                    if (suggestions.length > 0) {
                        replacement = suggestions[0].string;
                    }
                }
            }
            if (!replacement.equals(word)) {
                changed = true;
                matcher.appendReplacement(corrected, Matcher.quoteReplacement(replacement));
            }
        }
        if (!changed) {
            return null;
        }
        matcher.appendTail(corrected);
        String suggestion = corrected.toString().strip();
        Query relevance = relevanceQuery(ParsedQuery.parse(suggestion));
        if (relevance == null) {
            return null;
        }
        Query check = filtered(relevance, request, seesInternal);
        return searcher.count(check) > hits ? suggestion : null;
    }

    /** Titles that start with what was typed: whole words so far, the last one as a prefix. */
    List<SearchHit> titleSuggestions(String typed, boolean seesInternal, int limit) {
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
        query.add(
                endsWithSpace
                        ? new TermQuery(new Term(IndexSchema.TITLE_WORDS, last))
                        : new PrefixQuery(new Term(IndexSchema.TITLE_WORDS, last)),
                BooleanClause.Occur.MUST);
        if (!seesInternal) {
            query.add(new TermQuery(new Term(IndexSchema.VISIBILITY, IndexSchema.PUBLIC)), BooleanClause.Occur.FILTER);
        }
        Query built = query.build();
        return index.search(searcher -> {
            TopDocs top = searcher.search(built, limit);
            StoredFields stored = searcher.storedFields();
            List<SearchHit> hits = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                hits.add(plainHit(stored.document(sd.doc), sd.score));
            }
            return hits;
        });
    }

    /** The document's page, if it is in the index and visible to the reader: for click tracking redirects. */
    String urlOf(String key, boolean seesInternal) {
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexSchema.KEY, key)), BooleanClause.Occur.FILTER)
                .add(
                        seesInternal
                                ? new MatchAllDocsQuery()
                                : new TermQuery(new Term(IndexSchema.VISIBILITY, IndexSchema.PUBLIC)),
                        BooleanClause.Occur.FILTER)
                .build();
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
                BooleanQuery.Builder query = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(IndexSchema.KEY, key)), BooleanClause.Occur.FILTER);
                if (!seesInternal) {
                    query.add(
                            new TermQuery(new Term(IndexSchema.VISIBILITY, IndexSchema.PUBLIC)),
                            BooleanClause.Occur.FILTER);
                }
                TopDocs top = searcher.search(query.build(), 1);
                if (top.scoreDocs.length > 0) {
                    hits.add(plainHit(searcher.storedFields().document(top.scoreDocs[0].doc), 0f));
                }
            }
            return hits;
        });
    }

    /** The most recently updated documents the reader may see. */
    List<SearchHit> recent(boolean seesInternal, int limit) {
        Query all = seesInternal
                ? new MatchAllDocsQuery()
                : new TermQuery(new Term(IndexSchema.VISIBILITY, IndexSchema.PUBLIC));
        return index.search(searcher -> {
            TopDocs top = searcher.search(all, limit, recency());
            List<SearchHit> hits = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                hits.add(plainHit(searcher.storedFields().document(sd.doc), 0f));
            }
            return hits;
        });
    }

    private static SearchHit plainHit(Document doc, float score) {
        return new SearchHit(
                doc.get(IndexSchema.TYPE),
                doc.getField(IndexSchema.ID).numericValue().longValue(),
                doc.get(IndexSchema.SLUG),
                doc.get(IndexSchema.TITLE),
                doc.get(IndexSchema.URL),
                "",
                score,
                doc.get(IndexSchema.CATEGORY),
                doc.get(IndexSchema.CATEGORY_TITLE),
                doc.get(IndexSchema.SECTION_TITLE),
                List.of(doc.getValues(IndexSchema.TAG)),
                LocalDate.ofEpochDay(
                        doc.getField(IndexSchema.UPDATED).numericValue().longValue()),
                doc.get(IndexSchema.STATE));
    }

    /** Category slugs and titles with their document counts, for browsing when nothing was found. */
    List<FacetValue> allCategories(boolean seesInternal) {
        Query all = seesInternal
                ? new MatchAllDocsQuery()
                : new TermQuery(new Term(IndexSchema.VISIBILITY, IndexSchema.PUBLIC));
        return index.search(searcher -> {
            FacetsCollector collector = searcher.search(all, new FacetsCollectorManager());
            return facet(searcher, collector, IndexSchema.CATEGORY, 20, true);
        });
    }
}
