package com.answerloop.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * How the word ranking and the meaning ranking become one order (docs/search.md, "Fusion"):
 *
 * <ul>
 *   <li>{@link Method#RANKS}, reciprocal-rank fusion: a document scores {@code w / (K + rank)} on each side it appears
 *       on. Only ranks count, so neither side's scale matters; K = 60 as in Cormack et al. (2009).
 *   <li>{@link Method#SCORES}, a weighted sum of scores brought to 0..1: a cosine similarity by its known range (from
 *       the floor below which meaning does not count, up to 1), a BM25 score by the query's best one (BM25 has no
 *       upper bound). Unlike ranks, this keeps how far apart two hits are: a near-certain meaning match is not worth
 *       the same as the next one down.
 * </ul>
 *
 * @param minSimilarity the cosine below which the meaning side has no hits: its 0 on the scores' scale
 */
record Fusion(Method method, float lexicalWeight, float semanticWeight, float minSimilarity) {

    static final int K = 60;

    enum Method {
        RANKS,
        SCORES
    }

    /**
     * The fused order: the lexical candidates and the semantic ones (best first, by document), then the remaining
     * lexical hits in their own order. So pages join up however deep the reader goes.
     *
     * @param lexical the word ranking, best first (its first {@code fusedLexical} take part in the fusion)
     * @param semantic document to best-passage similarity
     */
    ScoreDoc[] fuse(ScoreDoc[] lexical, int fusedLexical, Map<Integer, Float> semantic) {
        int head = Math.min(fusedLexical, lexical.length);
        Map<Integer, Float> fused =
                method == Method.RANKS ? byRanks(lexical, head, semantic) : byScores(lexical, head, semantic);
        List<ScoreDoc> ordered = new ArrayList<>();
        fused.forEach((doc, score) -> ordered.add(new ScoreDoc(doc, score)));
        ordered.sort((a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        Set<Integer> seen = new HashSet<>(fused.keySet());
        for (int i = head; i < lexical.length; i++) {
            if (seen.add(lexical[i].doc)) {
                ordered.add(new ScoreDoc(lexical[i].doc, 0f));
            }
        }
        return ordered.toArray(ScoreDoc[]::new);
    }

    private Map<Integer, Float> byRanks(ScoreDoc[] lexical, int head, Map<Integer, Float> semantic) {
        Map<Integer, Float> fused = new LinkedHashMap<>();
        for (int i = 0; i < head; i++) {
            fused.merge(lexical[i].doc, lexicalWeight / (K + i + 1), Float::sum);
        }
        List<Map.Entry<Integer, Float>> bySimilarity = new ArrayList<>(semantic.entrySet());
        bySimilarity.sort(Map.Entry.<Integer, Float>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        for (int i = 0; i < bySimilarity.size(); i++) {
            fused.merge(bySimilarity.get(i).getKey(), semanticWeight / (K + i + 1), Float::sum);
        }
        return fused;
    }

    private Map<Integer, Float> byScores(ScoreDoc[] lexical, int head, Map<Integer, Float> semantic) {
        Map<Integer, Float> fused = new LinkedHashMap<>();
        float best = 0f;
        for (int i = 0; i < head; i++) {
            best = Math.max(best, lexical[i].score);
        }
        for (int i = 0; i < head; i++) {
            float normalised = best > 0 ? Math.max(0f, lexical[i].score) / best : 0f;
            fused.merge(lexical[i].doc, lexicalWeight * normalised, Float::sum);
        }
        float range = 1f - minSimilarity;
        semantic.forEach((doc, cosine) -> {
            float normalised = range > 0 ? Math.max(0f, cosine - minSimilarity) / range : 1f;
            fused.merge(doc, semanticWeight * normalised, Float::sum);
        });
        return fused;
    }

    /**
     * Those of these documents (the ones the meaning found) that the words' match query does not match: what the
     * meaning adds to the total. Each is looked up directly, not by walking every match of the words.
     */
    static Set<Integer> notMatchedBy(IndexSearcher searcher, Query matching, Set<Integer> docs) throws IOException {
        Set<Integer> notMatched = new HashSet<>();
        if (docs.isEmpty()) {
            return notMatched;
        }
        Weight weight = searcher.createWeight(searcher.rewrite(matching), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<LeafReaderContext> segments = searcher.getIndexReader().leaves();
        for (int doc : docs.stream().sorted().toList()) {
            LeafReaderContext segment = segments.get(ReaderUtil.subIndex(doc, segments));
            Scorer scorer = weight.scorer(segment);
            TwoPhaseIterator twoPhase = scorer == null ? null : scorer.twoPhaseIterator();
            int local = doc - segment.docBase;
            boolean matched = scorer != null
                    && (twoPhase == null ? scorer.iterator() : twoPhase.approximation()).advance(local) == local
                    && (twoPhase == null || twoPhase.matches());
            if (!matched) {
                notMatched.add(doc);
            }
        }
        return notMatched;
    }
}
