package com.answerloop.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdStream;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Counts the documents a query matches and the values of keyword fields (category, tag, type) among them. Each segment's
 * values are read from doc values once and kept in memory as plain arrays (doc to value numbers, value number to
 * label), so counting is an array increment per matching document. Decoding doc values for every match of every
 * search cost most of a broad search at 200,000 articles.
 */
final class FacetCounts {

    /**
     * One segment's values of one field. When no document has more than one value (category, type), {@code ords[d]} is
     * the value number of document d, or -1, and {@code docStart} is null; otherwise the values of document d are
     * {@code ords[docStart[d] .. docStart[d+1])}.
     */
    record SegmentValues(int[] docStart, int[] ords, String[] labels) {

        static SegmentValues read(LeafReader segment, String field) throws IOException {
            SortedSetDocValues values = DocValues.getSortedSet(segment, field);
            String[] labels = new String[Math.toIntExact(values.getValueCount())];
            for (int ord = 0; ord < labels.length; ord++) {
                labels[ord] = values.lookupOrd(ord).utf8ToString();
            }
            int maxDoc = segment.maxDoc();
            int[] docStart = new int[maxDoc + 1];
            int[] ords = new int[Math.max(16, maxDoc)];
            boolean singleValued = true;
            int n = 0;
            for (int doc = 0; doc < maxDoc; doc++) {
                docStart[doc] = n;
                if (values.advanceExact(doc)) {
                    singleValued &= values.docValueCount() == 1;
                    for (int i = 0; i < values.docValueCount(); i++) {
                        if (n == ords.length) {
                            ords = Arrays.copyOf(ords, ords.length * 2);
                        }
                        ords[n++] = (int) values.nextOrd();
                    }
                }
            }
            docStart[maxDoc] = n;
            if (singleValued) {
                // one array lookup per document instead of two
                int[] ordOfDoc = new int[maxDoc];
                for (int doc = 0; doc < maxDoc; doc++) {
                    ordOfDoc[doc] = docStart[doc] < docStart[doc + 1] ? ords[docStart[doc]] : -1;
                }
                return new SegmentValues(null, ordOfDoc, labels);
            }
            return new SegmentValues(docStart, Arrays.copyOf(ords, n), labels);
        }
    }

    /**
     * What counting found.
     *
     * @param total the number of matching documents
     * @param estimated whether the total and the value counts were estimated from a sample (and rounded)
     * @param values each counted field's most frequent values, most frequent first, ties by label
     */
    record Counted(long total, boolean estimated, Map<String, List<FacetValue>> values) {}

    /**
     * A sample is taken in runs of this many consecutive documents, spread evenly over the index: short enough that a
     * sample of a few thousand documents still touches dozens of places (documents added together tend to be alike).
     */
    private static final int WINDOW = 256;

    private final ReaderCache cache;
    private final int exactUpTo;
    private final int sampleDocs;
    private final int minSampledMatches;

    /**
     * @param exactUpTo indexes of up to this many documents are always counted exactly
     * @param sampleDocs larger ones are first counted on a sample of about this many documents, then (if the sample
     *     held too few matches) on a sample as large as its match rate calls for, while that is under half the index
     * @param minSampledMatches the fewest matches in a sample for its estimate to stand; a query that matches less
     *     than that in every sample is counted exactly (it is narrow, so that is cheap)
     */
    FacetCounts(ReaderCache cache, int exactUpTo, int sampleDocs, int minSampledMatches) {
        this.cache = cache;
        this.exactUpTo = exactUpTo;
        this.sampleDocs = sampleDocs;
        this.minSampledMatches = minSampledMatches;
    }

    /**
     * Counts the documents the query matches and the values of the given fields among them. A broad query on a large
     * index matches most of it, and visiting every match cost more than ranking the best ones; so such a query is
     * counted on evenly spread runs of documents and the counts are scaled up, which puts the total within a few
     * per cent (the user sees "about 54,000 results"). The smallest sample that holds enough matches is used, so the
     * broadest queries cost least. Everything else is counted exactly.
     *
     * @param fields the fields to count, each with how many of its values to return
     * @param mayEstimate whether a broad query may be estimated (else it is always counted exactly)
     */
    Counted count(IndexSearcher searcher, Query query, Map<String, Integer> fields, boolean mayEstimate)
            throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<String> names = List.copyOf(fields.keySet());
        int maxDoc = searcher.getIndexReader().maxDoc();
        if (mayEstimate && maxDoc > exactUpTo) {
            long docs = sampleDocs;
            while (docs * 2 <= maxDoc) {
                int stride = (int) Math.ceil((double) maxDoc / docs);
                Tally sample = tally(searcher, weight, names, stride);
                if (sample.matches >= minSampledMatches) {
                    double scale = (double) maxDoc / sample.docsVisited;
                    return sample.result(fields, scale);
                }
                // Too few matches: the next sample is as large as this one's match rate says is needed (with a
                // quarter to spare), at least twice as large; a query that would need half the index is counted whole.
                double rate = (double) sample.matches / sample.docsVisited;
                long needed = rate == 0 ? maxDoc : (long) Math.ceil(minSampledMatches * 1.25 / rate);
                docs = Math.max(docs * 2, needed);
            }
        }
        return tally(searcher, weight, names, 1).result(fields, 1);
    }

    /**
     * Counts over every {@code stride}-th run of documents (every document when 1). The runs are laid over the
     * segments as if they were one, so each segment is sampled in proportion to its size.
     */
    private Tally tally(IndexSearcher searcher, Weight weight, List<String> fields, int stride) throws IOException {
        Tally tally = new Tally(fields);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            LeafReader segment = leaf.reader();
            List<int[]> ranges = ranges(leaf.docBase, segment.maxDoc(), stride);
            ranges.forEach(range -> tally.docsVisited += range[1] - range[0]);
            BulkScorer scorer = weight.bulkScorer(leaf);
            if (scorer == null) {
                continue;
            }
            SegmentValues[] values = new SegmentValues[fields.size()];
            for (int f = 0; f < values.length; f++) {
                String field = fields.get(f);
                values[f] =
                        cache.perSegment(segment, "facet-values:" + field, () -> SegmentValues.read(segment, field));
            }
            SegmentTally counter = new SegmentTally(values);
            Bits live = segment.getLiveDocs();
            for (int[] range : ranges) {
                scorer.score(counter, live, range[0], range[1]);
            }
            counter.finish();
            tally.add(counter);
        }
        return tally;
    }

    /** The ranges of a segment's documents ({@code [from, to)}, in segment doc ids) that fall in sampled runs. */
    private static List<int[]> ranges(int docBase, int segmentDocs, int stride) {
        if (stride == 1) {
            return List.of(new int[] {0, segmentDocs});
        }
        List<int[]> ranges = new ArrayList<>();
        long span = (long) stride * WINDOW;
        for (long run = docBase / span * span; run < docBase + segmentDocs; run += span) {
            int from = (int) (Math.max(docBase, run) - docBase);
            int to = (int) (Math.min(docBase + segmentDocs, run + WINDOW) - docBase);
            if (from < to) {
                ranges.add(new int[] {from, to});
            }
        }
        return ranges;
    }

    /** One segment's counts: the matches and, per field, how often each value number occurred among them. */
    private static final class SegmentTally implements LeafCollector {
        private final SegmentValues[] values;
        private final int[][] counts;
        private final int[] docs = new int[512];
        private long matches;

        SegmentTally(SegmentValues[] values) {
            this.values = values;
            this.counts = new int[values.length][];
            for (int f = 0; f < values.length; f++) {
                counts[f] = new int[values[f].labels().length];
            }
        }

        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
            docs[0] = doc;
            tally(1);
        }

        /** Matches come in batches (a disjunction scores a window of documents at once), counted field by field. */
        @Override
        public void collect(DocIdStream stream) throws IOException {
            int n;
            do {
                n = stream.intoArray(docs);
                tally(n);
            } while (n == docs.length);
        }

        private void tally(int n) {
            matches += n;
            for (int f = 0; f < values.length; f++) {
                int[] docStart = values[f].docStart();
                int[] ords = values[f].ords();
                int[] fieldCounts = counts[f];
                if (docStart == null) {
                    for (int i = 0; i < n; i++) {
                        int ord = ords[docs[i]];
                        if (ord >= 0) {
                            fieldCounts[ord]++;
                        }
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        int doc = docs[i];
                        for (int v = docStart[doc], end = docStart[doc + 1]; v < end; v++) {
                            fieldCounts[ords[v]]++;
                        }
                    }
                }
            }
        }
    }

    /** The counts of all segments so far, by label. */
    private static final class Tally {
        private final List<String> fields;
        private final List<Map<String, Long>> counts = new ArrayList<>();
        private long matches;
        private long docsVisited;

        Tally(List<String> fields) {
            this.fields = fields;
            fields.forEach(field -> counts.add(new HashMap<>()));
        }

        void add(SegmentTally segment) {
            matches += segment.matches;
            for (int f = 0; f < fields.size(); f++) {
                String[] labels = segment.values[f].labels();
                int[] fieldCounts = segment.counts[f];
                for (int ord = 0; ord < fieldCounts.length; ord++) {
                    if (fieldCounts[ord] > 0) {
                        counts.get(f).merge(labels[ord], (long) fieldCounts[ord], Long::sum);
                    }
                }
            }
        }

        Counted result(Map<String, Integer> tops, double scale) {
            boolean estimated = scale != 1;
            Map<String, List<FacetValue>> values = new LinkedHashMap<>();
            for (int f = 0; f < fields.size(); f++) {
                String field = fields.get(f);
                values.put(field, mostFrequent(counts.get(f), tops.get(field), estimated ? scale : 1));
            }
            return new Counted(estimated ? approximately(matches * scale) : matches, estimated, values);
        }
    }

    /**
     * An estimate rounded to two significant digits (53,817.6 becomes 54,000): the sample cannot tell more, and
     * printing more digits would claim it could.
     */
    static long approximately(double estimate) {
        if (estimate < 100) {
            return Math.round(estimate);
        }
        double unit = Math.pow(10, Math.floor(Math.log10(estimate)) - 1);
        return Math.round(estimate / unit) * (long) unit;
    }

    private static List<FacetValue> mostFrequent(Map<String, Long> counts, int top, double scale) {
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<FacetValue> values = new ArrayList<>(Math.min(top, sorted.size()));
        for (Map.Entry<String, Long> entry : sorted.subList(0, Math.min(top, sorted.size()))) {
            long count = scale == 1 ? entry.getValue() : approximately(entry.getValue() * scale);
            values.add(new FacetValue(entry.getKey(), entry.getKey(), (int) count));
        }
        return values;
    }
}
