package com.answerloop.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.QueryBuilder;

/**
 * The second pass of a search by words: the query's words close together (a sloppy phrase in the title and the body)
 * add a bonus to the best {@link #PROXIMITY_WINDOW} hits, which are then re-sorted.
 */
final class ProximityRescorer {

    /** How many of the best hits by words get the proximity bonus. */
    static final int PROXIMITY_WINDOW = 20;

    private final LexicalQueries lexical;
    private final Ranking ranking;

    ProximityRescorer(LexicalQueries lexical, Ranking ranking) {
        this.lexical = lexical;
        this.ranking = ranking;
    }

    /** The hits with the bonus applied to the best of them (unchanged when the query has no phrase to look for). */
    TopDocs rescore(IndexSearcher searcher, TopDocs top, ParsedQuery parsed) throws IOException {
        return withProximity(searcher, top, proximityQuery(parsed), ranking.proximity());
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
        QueryBuilder builder = lexical.queryBuilder();
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
}
