package com.answerloop.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Counts the values of a keyword field (category, tag, type) over the documents a query matched. Each segment's
 * values are read from doc values once and kept in memory as plain arrays (doc to value numbers, value number to
 * label), so counting is an array increment per matching document. Decoding doc values for every match of every
 * search cost most of a broad search at 200,000 articles.
 */
final class FacetCounts {

    /** One segment's values of one field: the values of document d are {@code ords[docStart[d] .. docStart[d+1])}. */
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
            int n = 0;
            for (int doc = 0; doc < maxDoc; doc++) {
                docStart[doc] = n;
                if (values.advanceExact(doc)) {
                    for (int i = 0; i < values.docValueCount(); i++) {
                        if (n == ords.length) {
                            ords = Arrays.copyOf(ords, ords.length * 2);
                        }
                        ords[n++] = (int) values.nextOrd();
                    }
                }
            }
            docStart[maxDoc] = n;
            return new SegmentValues(docStart, Arrays.copyOf(ords, n), labels);
        }
    }

    private final ReaderCache cache;

    FacetCounts(ReaderCache cache) {
        this.cache = cache;
    }

    /**
     * The most frequent values of each field among the matches, most frequent first, ties by label: one pass over the
     * matching documents per segment for all fields.
     *
     * @param fields the fields to count, each with how many of its values to return
     */
    Map<String, List<FacetValue>> top(FacetsCollector matches, Map<String, Integer> fields) throws IOException {
        List<String> names = List.copyOf(fields.keySet());
        List<Map<String, Integer>> counts = new ArrayList<>();
        names.forEach(name -> counts.add(new HashMap<>()));
        for (FacetsCollector.MatchingDocs segment : matches.getMatchingDocs()) {
            DocIdSet bits = segment.bits();
            DocIdSetIterator docs = bits == null ? null : bits.iterator();
            if (docs == null || segment.totalHits() == 0) {
                continue;
            }
            LeafReader reader = segment.context().reader();
            SegmentValues[] values = new SegmentValues[names.size()];
            int[][] segmentCounts = new int[names.size()][];
            for (int f = 0; f < values.length; f++) {
                String field = names.get(f);
                values[f] = cache.perSegment(reader, "facet-values:" + field, () -> SegmentValues.read(reader, field));
                segmentCounts[f] = new int[values[f].labels().length];
            }
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                for (int f = 0; f < values.length; f++) {
                    int[] docStart = values[f].docStart();
                    int[] ords = values[f].ords();
                    int[] fieldCounts = segmentCounts[f];
                    for (int i = docStart[doc], end = docStart[doc + 1]; i < end; i++) {
                        fieldCounts[ords[i]]++;
                    }
                }
            }
            for (int f = 0; f < values.length; f++) {
                for (int ord = 0; ord < segmentCounts[f].length; ord++) {
                    if (segmentCounts[f][ord] > 0) {
                        counts.get(f).merge(values[f].labels()[ord], segmentCounts[f][ord], Integer::sum);
                    }
                }
            }
        }
        Map<String, List<FacetValue>> result = new LinkedHashMap<>();
        for (int f = 0; f < names.size(); f++) {
            result.put(names.get(f), mostFrequent(counts.get(f), fields.get(names.get(f))));
        }
        return result;
    }

    private static List<FacetValue> mostFrequent(Map<String, Integer> counts, int top) {
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<FacetValue> values = new ArrayList<>(Math.min(top, sorted.size()));
        for (Map.Entry<String, Integer> entry : sorted.subList(0, Math.min(top, sorted.size()))) {
            values.add(new FacetValue(entry.getKey(), entry.getKey(), entry.getValue()));
        }
        return values;
    }
}
