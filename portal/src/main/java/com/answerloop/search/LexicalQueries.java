package com.answerloop.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds the words side of a search from a {@link ParsedQuery}: the ranking query (each text field with its boost,
 * function words left out, a word scoring in the best content field), the non-scoring match query that the total and
 * the facets count, and the query whose words the snippets mark.
 */
final class LexicalQueries {

    /** The fields whose passages become snippets: body first, the summary when the body shows no match. */
    private static final List<String> HIGHLIGHTED = List.of(IndexSchema.BODY, IndexSchema.SUMMARY);

    /** The fields that tell the same content at different lengths; a word scores in the best of them. */
    private static final Set<String> CONTENT_FIELDS =
            Set.of(IndexSchema.SUMMARY, IndexSchema.HEADINGS, IndexSchema.BODY);

    private final Supplier<Analyzer> queryAnalyzer;
    private final Ranking ranking;

    /** Each text field with its boost, in a fixed order; built once, used by every search. */
    private final Map<String, Float> boosts;

    /** Whether the ranking scores every text field, so that matching on the all-text field finds the same set. */
    private final boolean everyTextFieldScored;

    LexicalQueries(Supplier<Analyzer> queryAnalyzer, Ranking ranking) {
        this.queryAnalyzer = queryAnalyzer;
        this.ranking = ranking;
        this.boosts = boostsOf(ranking);
        this.everyTextFieldScored = boosts.values().stream().allMatch(boost -> boost > 0);
    }

    /**
     * The scoring part of a query: every text field with its boost (the proximity bonus comes after, in
     * {@link ProximityRescorer}); {@code null} when the query has no words to score.
     */
    Query relevance(ParsedQuery parsed) {
        return textQuery(parsed);
    }

    /**
     * The same matches without scores, for the total and the facet counts. The query's words are looked up once in the
     * all-text field rather than once per field; when the words expand to multi-word synonyms (which need positions
     * that field does not keep), or a field is left out of the ranking, the ranking query gives the same set instead.
     */
    Query matching(ParsedQuery parsed) {
        QueryBuilder builder = queryBuilder();
        Query words = QueryStopWords.dropFrom(
                builder.createBooleanQuery(IndexSchema.ALL_TEXT, parsed.positiveText(), BooleanClause.Occur.SHOULD));
        if (words == null || needsPositions(words) || !everyTextFieldScored) {
            return textQuery(parsed);
        }
        return withPhrasesAndExclusions(builder, parsed, words);
    }

    QueryBuilder queryBuilder() {
        QueryBuilder builder = new QueryBuilder(queryAnalyzer.get());
        builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        return builder;
    }

    private Query textQuery(ParsedQuery parsed) {
        QueryBuilder builder = queryBuilder();
        String positive = parsed.positiveText();
        BooleanQuery.Builder scoring = new BooleanQuery.Builder();
        int clauses = 0;
        Map<String, List<Query>> content = new LinkedHashMap<>();
        for (Map.Entry<String, Float> field : boosts.entrySet()) {
            Query query = QueryStopWords.dropFrom(
                    builder.createBooleanQuery(field.getKey(), positive, BooleanClause.Occur.SHOULD));
            if (query == null || field.getValue() <= 0) {
                continue;
            }
            if (CONTENT_FIELDS.contains(field.getKey())) {
                content.put(
                        field.getKey(),
                        wordsOf(query).stream()
                                .map(word -> (Query) new BoostQuery(word, field.getValue()))
                                .toList());
            } else {
                clauses += addFlattened(scoring, query, field.getValue());
            }
        }
        clauses += addBestContentField(scoring, content);
        if (clauses == 0) {
            return null;
        }
        return withPhrasesAndExclusions(builder, parsed, scoring.build());
    }

    /**
     * The summary, the headings and the body say the same thing at different lengths, so each word scores in the best
     * of them (plus a small share of the others), not in all three: summed, an article with a summary and headings
     * that repeat its words scored up to three times one that has only a body, as most FAQ articles do.
     */
    private int addBestContentField(BooleanQuery.Builder disjunction, Map<String, List<Query>> content) {
        if (content.isEmpty()) {
            return 0;
        }
        int words = content.values().iterator().next().size();
        boolean aligned = content.values().stream().allMatch(perWord -> perWord.size() == words);
        int added = 0;
        if (!aligned) {
            // the fields analysed the words differently (cannot happen with one analyzer): add them up as before
            for (List<Query> perWord : content.values()) {
                for (Query word : perWord) {
                    disjunction.add(word, BooleanClause.Occur.SHOULD);
                    added++;
                }
            }
            return added;
        }
        for (int i = 0; i < words; i++) {
            List<Query> sameWord = new ArrayList<>();
            for (List<Query> perWord : content.values()) {
                sameWord.add(perWord.get(i));
            }
            disjunction.add(
                    sameWord.size() == 1
                            ? sameWord.getFirst()
                            : new DisjunctionMaxQuery(sameWord, ranking.contentTie()),
                    BooleanClause.Occur.SHOULD);
            added++;
        }
        return added;
    }

    /** A field query's word clauses (one per word or synonym group), or the query itself when it is not a plain OR. */
    private static List<Query> wordsOf(Query fieldQuery) {
        if (fieldQuery instanceof BooleanQuery words
                && words.getMinimumNumberShouldMatch() == 0
                && words.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD)) {
            return words.clauses().stream().map(BooleanClause::query).toList();
        }
        return List.of(fieldQuery);
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
    Query highlight(ParsedQuery parsed) {
        QueryBuilder builder = new QueryBuilder(queryAnalyzer.get());
        BooleanQuery.Builder marked = new BooleanQuery.Builder();
        for (String field : HIGHLIGHTED) {
            Query query = QueryStopWords.dropFrom(
                    builder.createBooleanQuery(field, parsed.positiveText(), BooleanClause.Occur.SHOULD));
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
        // a learned phrasing, like the title, states what the whole document is about
        boosts.put(IndexSchema.PHRASINGS, ranking.title());
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
}
