package com.answerloop.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * The semantic side of a search: the documents whose passages are nearest in meaning to the question, each scored by
 * its best passage. The reader's visibility and the chosen category, type and tags are a pre-filter of the HNSW
 * search, so a document the reader may not see is never a candidate (not merely removed afterwards, which would also
 * leave fewer than asked for).
 */
final class SemanticQuery {

    private final SentenceEmbedder embedder;
    private final int candidates;
    private final float minSimilarity;

    /**
     * @param candidates how many nearest passages each passage field contributes
     * @param minSimilarity the least cosine similarity a passage needs to count: below it, "nearest" only means
     *     "least far", and a question about something the help center does not cover would still get hits
     *     (docs/search.md, "Queries nothing answers")
     */
    SemanticQuery(SentenceEmbedder embedder, int candidates, float minSimilarity) {
        this.embedder = embedder;
        this.candidates = candidates;
        this.minSimilarity = minSimilarity;
    }

    /** Document (global doc id) to its best passage's cosine similarity, for documents above the threshold. */
    Map<Integer, Float> nearest(IndexSearcher searcher, String question, Query filter) throws IOException {
        Map<Integer, Float> best = new HashMap<>();
        if (!question.isBlank()) {
            collectNearest(searcher, embedder.query(question), filter, best);
        }
        return best;
    }

    /**
     * The documents nearest in meaning to a document of the index (global doc id), without itself: each of its passages
     * is searched like a question, and a document keeps its best match to any of them. Nothing is embedded.
     */
    Map<Integer, Float> nearestTo(IndexSearcher searcher, int doc, Query filter) throws IOException {
        Map<Integer, Float> best = new HashMap<>();
        for (float[] passage : passageVectors(searcher, doc)) {
            collectNearest(searcher, passage, filter, best);
        }
        best.remove(doc);
        return best;
    }

    private void collectNearest(IndexSearcher searcher, float[] vector, Query filter, Map<Integer, Float> best)
            throws IOException {
        for (int passage = 0; passage < Passages.MAX; passage++) {
            TopDocs top = searcher.search(
                    new KnnFloatVectorQuery(IndexSchema.passageVector(passage), vector, candidates, filter),
                    candidates);
            for (ScoreDoc hit : top.scoreDocs) {
                // Lucene scores a dot product of unit vectors as (1 + cosine) / 2
                float cosine = 2 * hit.score - 1;
                if (cosine >= minSimilarity) {
                    best.merge(hit.doc, cosine, Math::max);
                }
            }
        }
    }

    /** The passage vectors a document was indexed with; none when it was indexed without meaning. */
    private static List<float[]> passageVectors(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        int local = doc - leaf.docBase;
        List<float[]> vectors = new ArrayList<>();
        for (int passage = 0; passage < Passages.MAX; passage++) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexSchema.passageVector(passage));
            if (values == null) {
                continue;
            }
            KnnVectorValues.DocIndexIterator iterator = values.iterator();
            if (iterator.advance(local) == local) {
                // the values object reuses its array for the next read
                vectors.add(values.vectorValue(iterator.index()).clone());
            }
        }
        return vectors;
    }
}
