package com.answerloop.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a {@link SearchQuery} into Lucene queries and reads the answers: ranking, filters, facets, highlighted
 * snippets, spelling corrections and title suggestions. Stateless apart from the index it reads.
 */
final class SearchEngine {

    /** The facets a search counts, each with how many of its most frequent values it shows. */
    private static final Map<String, Integer> FACETS =
            Map.of(IndexSchema.CATEGORY, 12, IndexSchema.TAG, 15, IndexSchema.TYPE, 5);

    /** How many of the best hits by words get the proximity bonus (see {@link #proximityQuery}). */
    static final int PROXIMITY_WINDOW = 20;

    /** Below this many hits a better spelling is looked for. */
    static final int FEW_HITS = 3;

    /** Queries with more words than this get no spelling suggestion. */
    static final int MAX_SPELLED_WORDS = 6;

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

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** The fields whose passages become snippets: body first, the summary when the body shows no match. */
    private static final List<String> HIGHLIGHTED = List.of(IndexSchema.BODY, IndexSchema.SUMMARY);

    private static final Query INTERNAL = new TermQuery(new Term(IndexSchema.VISIBILITY, IndexSchema.INTERNAL));

    /**
     * Restricts a query to what the reader may see. Internal documents are excluded rather than public ones required:
     * they are few, so the exclusion skips a short list where the requirement would walk nearly every match twice.
     */
    private static BooleanQuery.Builder visibleOnly(BooleanQuery.Builder query, boolean seesInternal) {
        return seesInternal ? query : query.add(INTERNAL, BooleanClause.Occur.MUST_NOT);
    }

    /** The document with this key, if the reader may see it. */
    private static Query visibleByKey(String key, boolean seesInternal) {
        return visibleOnly(
                        new BooleanQuery.Builder()
                                .add(new TermQuery(new Term(IndexSchema.KEY, key)), BooleanClause.Occur.FILTER),
                        seesInternal)
                .build();
    }

    /** Every document the reader may see. */
    private static Query everythingVisible(boolean seesInternal) {
        return visibleOnly(
                        new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER),
                        seesInternal)
                .build();
    }

    private final SearchIndex index;
    private final Supplier<Analyzer> queryAnalyzer;
    private final Analyzer indexAnalyzer = SearchAnalyzers.indexAnalyzer();
    private final Analyzer words = new SearchAnalyzers.Words();
    private final Ranking ranking;

    /** Each text field with its boost, in a fixed order; built once, used by every search. */
    private final Map<String, Float> boosts;

    /** Whether the ranking scores every text field, so that matching on the all-text field finds the same set. */
    private final boolean everyTextFieldScored;

    private final DirectSpellChecker spellChecker = new DirectSpellChecker();
    private final ReaderCache perReader = new ReaderCache();
    private final FacetCounts facetCounts;

    /** Indexes of up to this many documents get exact counts unless told otherwise. */
    static final int EXACT_COUNTS_UP_TO = 50_000;

    /** The fewest matches a sample needs for its estimate to be shown (a few per cent off at worst). */
    private static final int MIN_SAMPLED_MATCHES = 1_000;

    /**
     * The first sample of a large index: enough documents to find {@link #MIN_SAMPLED_MATCHES} for any query that
     * matches a tenth of the index, which most broad queries do.
     */
    private static final int SAMPLE_DOCS = 10_240;

    SearchEngine(SearchIndex index, Supplier<Analyzer> queryAnalyzer, Ranking ranking) {
        this(index, queryAnalyzer, ranking, EXACT_COUNTS_UP_TO);
    }

    /** @param exactCountsUpTo see {@link SearchSettings#exactCountsUpTo()} */
    SearchEngine(SearchIndex index, Supplier<Analyzer> queryAnalyzer, Ranking ranking, int exactCountsUpTo) {
        this.facetCounts = new FacetCounts(
                perReader, exactCountsUpTo, Math.min(exactCountsUpTo, SAMPLE_DOCS), MIN_SAMPLED_MATCHES);
        this.index = index;
        this.queryAnalyzer = queryAnalyzer;
        this.ranking = ranking;
        this.boosts = boostsOf(ranking);
        this.everyTextFieldScored = boosts.values().stream().allMatch(boost -> boost > 0);
        spellChecker.setMinQueryLength(3);
    }

    /** The scoring part of a query: every text field with its boost (the proximity bonus comes after, see below). */
    Query relevanceQuery(ParsedQuery parsed) {
        return textQuery(parsed);
    }

    /**
     * The proximity bonus: the free words as a sloppy phrase in the title and the body. It is applied to the best
     * {@link #PROXIMITY_WINDOW} hits only, as a second pass: as a clause of the main query, it made Lucene read word
     * positions for every candidate it could not rule out, which cost a seventh of a search at 200,000 articles.
     */
    private Query proximityQuery(ParsedQuery parsed) {
        if (ranking.proximity() <= 0 || parsed.text().isBlank()) {
            return null;
        }
        QueryBuilder builder = queryBuilder();
        BooleanQuery.Builder near = new BooleanQuery.Builder();
        int clauses = 0;
        for (String field : List.of(IndexSchema.TITLE, IndexSchema.BODY)) {
            Query phrase = builder.createPhraseQuery(field, parsed.text(), ranking.proximitySlop());
            if (phrase != null && !(phrase instanceof TermQuery)) {
                near.add(phrase, BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : near.build();
    }

    /**
     * Adds the proximity bonus to the scores of the best {@link #PROXIMITY_WINDOW} hits and re-sorts them. The window
     * is the same whichever page is asked for, and the hits below it keep their order, so pages join up without gaps
     * or repeats. The bonus refines the order of good matches; a hit below the window by its words alone would rarely
     * belong on the first page (StackFAQ scores the same either way).
     */
    private static TopDocs withProximity(IndexSearcher searcher, TopDocs top, Query proximity, float weight)
            throws IOException {
        if (proximity == null || top.scoreDocs.length == 0) {
            return top;
        }
        int window = Math.min(top.scoreDocs.length, PROXIMITY_WINDOW);
        ScoreDoc[] best = Arrays.copyOf(top.scoreDocs, window);
        addScores(searcher, proximity, weight, best);
        Arrays.sort(
                best, (a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        ScoreDoc[] all = Arrays.copyOf(best, top.scoreDocs.length);
        System.arraycopy(top.scoreDocs, window, all, window, top.scoreDocs.length - window);
        return new TopDocs(top.totalHits, all);
    }

    /**
     * Adds {@code weight} times the query's score to each hit the query matches. Each hit is looked up directly, and
     * word positions are read for the hits only: Lucene's {@code QueryRescorer} walks the query's matches from one hit
     * to the next and checked positions for every document on the way.
     */
    private static void addScores(IndexSearcher searcher, Query query, float weight, ScoreDoc[] hits)
            throws IOException {
        ScoreDoc[] byDoc = hits.clone();
        Arrays.sort(byDoc, (a, b) -> Integer.compare(a.doc, b.doc));
        Weight scoring = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
        List<LeafReaderContext> segments = searcher.getIndexReader().leaves();
        LeafReaderContext segment = null;
        Scorer scorer = null;
        DocIdSetIterator candidates = null;
        TwoPhaseIterator positions = null;
        for (ScoreDoc hit : byDoc) {
            if (segment == null || hit.doc >= segment.docBase + segment.reader().maxDoc()) {
                segment = segments.get(ReaderUtil.subIndex(hit.doc, segments));
                scorer = scoring.scorer(segment);
                positions = scorer == null ? null : scorer.twoPhaseIterator();
                candidates = scorer == null ? null : positions == null ? scorer.iterator() : positions.approximation();
            }
            if (scorer == null) {
                continue;
            }
            int doc = hit.doc - segment.docBase;
            if (candidates.docID() < doc) {
                candidates.advance(doc);
            }
            if (candidates.docID() == doc && (positions == null || positions.matches())) {
                hit.score += weight * scorer.score();
            }
        }
    }

    /**
     * The same matches without scores, for the total and the facet counts. The query's words are looked up once in the
     * all-text field rather than once per field; when the words expand to multi-word synonyms (which need positions
     * that field does not keep), or a field is left out of the ranking, the ranking query gives the same set instead.
     */
    private Query matchQuery(ParsedQuery parsed) {
        QueryBuilder builder = queryBuilder();
        Query words =
                builder.createBooleanQuery(IndexSchema.ALL_TEXT, parsed.positiveText(), BooleanClause.Occur.SHOULD);
        if (words == null || needsPositions(words) || !everyTextFieldScored) {
            return textQuery(parsed);
        }
        return withPhrasesAndExclusions(builder, parsed, words);
    }

    private QueryBuilder queryBuilder() {
        QueryBuilder builder = new QueryBuilder(queryAnalyzer.get());
        builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        return builder;
    }

    private Query textQuery(ParsedQuery parsed) {
        QueryBuilder builder = queryBuilder();
        String positive = parsed.positiveText();
        BooleanQuery.Builder scoring = new BooleanQuery.Builder();
        int clauses = 0;
        for (Map.Entry<String, Float> field : boosts.entrySet()) {
            Query query = builder.createBooleanQuery(field.getKey(), positive, BooleanClause.Occur.SHOULD);
            if (query != null && field.getValue() > 0) {
                clauses += addFlattened(scoring, query, field.getValue());
            }
        }
        if (clauses == 0) {
            return null;
        }
        return withPhrasesAndExclusions(builder, parsed, scoring.build());
    }

    /**
     * Adds a field's word clauses to the top-level disjunction, each with the field's boost: the same sum of scores as
     * one boosted clause per field, but Lucene can then skip documents word by word (each word's best possible score
     * is known), where a nested disjunction per field hides that and every match gets scored.
     */
    private static int addFlattened(BooleanQuery.Builder disjunction, Query fieldQuery, float boost) {
        if (fieldQuery instanceof BooleanQuery words
                && words.getMinimumNumberShouldMatch() == 0
                && words.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD)) {
            for (BooleanClause word : words.clauses()) {
                disjunction.add(new BoostQuery(word.query(), boost), BooleanClause.Occur.SHOULD);
            }
            return words.clauses().size();
        }
        disjunction.add(new BoostQuery(fieldQuery, boost), BooleanClause.Occur.SHOULD);
        return 1;
    }

    /** Quoted phrases must appear (in any text field), {@code -excluded} words and phrases must not. */
    private static Query withPhrasesAndExclusions(QueryBuilder builder, ParsedQuery parsed, Query words) {
        if (parsed.phrases().isEmpty() && parsed.excluded().isEmpty()) {
            return words;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST);
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

    /** Whether a query needs more than which documents hold a term (phrases from multi-word synonyms do). */
    private static boolean needsPositions(Query query) {
        boolean[] positional = {false};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                if (!(leaf instanceof TermQuery) && !(leaf instanceof SynonymQuery)) {
                    positional[0] = true;
                }
            }

            @Override
            public void visitLeaf(Query leaf) {
                positional[0] = true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return positional[0];
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

    private static Map<String, Float> boostsOf(Ranking ranking) {
        Map<String, Float> boosts = new LinkedHashMap<>();
        boosts.put(IndexSchema.TITLE, ranking.title());
        boosts.put(IndexSchema.SUMMARY, ranking.summary());
        boosts.put(IndexSchema.HEADINGS, ranking.headings());
        boosts.put(IndexSchema.BODY, ranking.body());
        boosts.put(IndexSchema.TAGS, ranking.tags());
        return Collections.unmodifiableMap(boosts);
    }

    /** A word or exact phrase in any text field. */
    private static Query inAnyField(QueryBuilder builder, String text) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        for (String field : IndexSchema.TEXT_FIELDS) {
            Query query = builder.createPhraseQuery(field, text);
            if (query != null) {
                any.add(query, BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : any.build();
    }

    /** The query restricted to what the reader may see and to the chosen category, type and tags. */
    private static Query filtered(Query relevance, SearchQuery request, boolean seesInternal) {
        BooleanQuery.Builder query =
                visibleOnly(new BooleanQuery.Builder().add(relevance, BooleanClause.Occur.MUST), seesInternal);
        if (request.category() != null) {
            query.add(new TermQuery(new Term(IndexSchema.CATEGORY, request.category())), BooleanClause.Occur.FILTER);
        }
        if (request.type() != null) {
            query.add(new TermQuery(new Term(IndexSchema.TYPE, request.type())), BooleanClause.Occur.FILTER);
        }
        for (String tag : request.tags()) {
            query.add(
                    new TermQuery(new Term(IndexSchema.TAG, IndexSchema.normalizeTag(tag))),
                    BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    SearchResults search(SearchQuery request, boolean seesInternal, boolean rebuilding) {
        ParsedQuery parsed = ParsedQuery.parse(request.text());
        Query relevance = relevanceQuery(parsed);
        if (relevance == null) {
            return new SearchResults(request, 0, false, List.of(), List.of(), List.of(), List.of(), null, rebuilding);
        }
        Query query = filtered(relevance, request, seesInternal);
        Query matching = filtered(matchQuery(parsed), request, seesInternal);
        return index.search(searcher -> {
            int wanted = (request.page() + 1) * request.size();
            // The total and the facet counts need the matches but no scores; the page of hits needs scores only for
            // the best documents, which Lucene finds while skipping the hopeless ones. So two passes, neither doing
            // the other's work.
            FacetCounts.Counted counted = facetCounts.count(searcher, matching, FACETS, true);
            TopDocs top;
            if (request.sort() == SearchSort.RECENCY) {
                top = searcher.search(query, new TopFieldCollectorManager(recency(), wanted, null, wanted));
            } else {
                int candidates = Math.max(wanted, PROXIMITY_WINDOW);
                top = searcher.search(query, new TopScoreDocCollectorManager(candidates, candidates));
                top = withProximity(searcher, top, proximityQuery(parsed), ranking.proximity());
            }
            long total = counted.total();
            ScoreDoc[] page = pageOf(top, request);
            List<SearchHit> hits = hits(searcher, highlightQuery(parsed), page);
            List<FacetValue> categories =
                    withCategoryTitles(searcher, counted.values().get(IndexSchema.CATEGORY));
            List<FacetValue> tags = counted.values().get(IndexSchema.TAG);
            List<FacetValue> types = counted.values().get(IndexSchema.TYPE);
            String didYouMean = total < FEW_HITS ? didYouMean(searcher, request, seesInternal, total) : null;
            return new SearchResults(
                    request, total, counted.estimated(), hits, categories, tags, types, didYouMean, rebuilding);
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

    private List<FacetValue> withCategoryTitles(IndexSearcher searcher, List<FacetValue> counted) throws IOException {
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
    List<Suggestion> titleSuggestions(String typed, boolean seesInternal, int limit) {
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
        Query built = visibleOnly(query, seesInternal).build();
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

    /** The document's page, if it is in the index and visible to the reader: for click tracking redirects. */
    String urlOf(String key, boolean seesInternal) {
        Query query = visibleByKey(key, seesInternal);
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
                TopDocs top = searcher.search(visibleByKey(key, seesInternal), 1);
                if (top.scoreDocs.length > 0) {
                    hits.add(listed(searcher, top.scoreDocs[0].doc));
                }
            }
            return hits;
        });
    }

    /** The most recently updated documents the reader may see. */
    List<SearchHit> recent(boolean seesInternal, int limit) {
        return index.search(searcher -> {
            TopDocs top = searcher.search(everythingVisible(seesInternal), limit, recency());
            List<SearchHit> hits = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                hits.add(listed(searcher, sd.doc));
            }
            return hits;
        });
    }

    /** A document for a listing (popular, recent): no snippet, and only the stored fields a listing shows. */
    private static SearchHit listed(IndexSearcher searcher, int doc) throws IOException {
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

    /** Category slugs and titles with their document counts, for browsing when nothing was found. */
    List<FacetValue> allCategories(boolean seesInternal) {
        Query all = everythingVisible(seesInternal);
        return index.search(searcher -> withCategoryTitles(
                searcher,
                facetCounts
                        .count(searcher, all, Map.of(IndexSchema.CATEGORY, 20), false)
                        .values()
                        .get(IndexSchema.CATEGORY)));
    }
}
