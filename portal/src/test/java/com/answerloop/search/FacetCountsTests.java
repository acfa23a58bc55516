package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * Result and facet counts: exactly what Lucene's own doc-values facet counting counts, and for broad queries on large
 * indexes an estimate close enough to print as "about".
 */
class FacetCountsTests {

    @Test
    void countsLikeLuceneAcrossSegmentsDeletionsAndMultipleValues() throws IOException {
        Random random = new Random(7);
        try (Directory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int i = 0; i < 3_000; i++) {
                Document doc = new Document();
                doc.add(new KeywordField("id", Integer.toString(i), Field.Store.NO));
                doc.add(new KeywordField("bucket", "b" + random.nextInt(4), Field.Store.NO));
                if (random.nextInt(10) > 0) { // some documents have no category
                    doc.add(new KeywordField("category", "c" + random.nextInt(12), Field.Store.NO));
                }
                for (int t = random.nextInt(4); t > 0; t--) {
                    doc.add(new KeywordField("tag", "t" + random.nextInt(40), Field.Store.NO));
                }
                writer.addDocument(doc);
                if (i % 700 == 699) {
                    writer.commit(); // several segments
                }
            }
            for (int i = 0; i < 3_000; i += 13) {
                writer.deleteDocuments(new Term("id", Integer.toString(i)));
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(1);
                IndexSearcher searcher = new IndexSearcher(reader);
                FacetCounts counter = new FacetCounts(new ReaderCache(), 1_000, 1_000, 100);
                for (Query query : List.of(new MatchAllDocsQuery(), new TermQuery(new Term("bucket", "b2")))) {
                    FacetsCollector matches = searcher.search(query, new FacetsCollectorManager());
                    FacetCounts.Counted exact =
                            counter.count(searcher, query, Map.of("category", 5, "tag", 100), false);
                    assertThat(exact.estimated()).isFalse();
                    assertThat(exact.total()).isEqualTo(searcher.count(query));
                    Map<String, List<FacetValue>> counted = exact.values();
                    assertThat(counted.get("category"))
                            .containsExactlyElementsOf(lucene(reader, matches, "category", 5));
                    assertThat(counted.get("tag")).containsExactlyElementsOf(lucene(reader, matches, "tag", 100));
                    assertThat(counted.get("category")).hasSize(5);
                }
            }
        }
    }

    @Test
    void estimatesBroadQueriesOnLargeIndexesAndCountsNarrowOnesExactly() throws IOException {
        Random random = new Random(11);
        try (Directory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int i = 0; i < 40_000; i++) {
                Document doc = new Document();
                // a skewed category distribution, so the order of the values is something to get right
                doc.add(new KeywordField(
                        "category", "c" + Math.min(random.nextInt(8), random.nextInt(8)), Field.Store.NO));
                if (random.nextInt(10) < 6) {
                    doc.add(new KeywordField("word", "common", Field.Store.NO));
                }
                if (random.nextInt(100) == 0) {
                    doc.add(new KeywordField("word", "rare", Field.Store.NO));
                }
                writer.addDocument(doc);
                if (i % 9_000 == 8_999) {
                    writer.commit();
                }
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                FacetCounts counter = new FacetCounts(new ReaderCache(), 8_000, 2_000, 1_000);
                Map<String, Integer> categories = Map.of("category", 8);

                Query broad = new TermQuery(new Term("word", "common"));
                FacetCounts.Counted estimate = counter.count(searcher, broad, categories, true);
                FacetCounts.Counted exact = counter.count(searcher, broad, categories, false);
                assertThat(estimate.estimated()).isTrue();
                assertThat(exact.estimated()).isFalse();
                assertThat(exact.total()).isEqualTo(searcher.count(broad));
                assertThat((double) estimate.total()).isCloseTo(exact.total(), withinPercentage(5));
                List<FacetValue> estimated = estimate.values().get("category");
                List<FacetValue> counted = exact.values().get("category");
                assertThat(estimated.get(0).value()).isEqualTo(counted.get(0).value());
                for (FacetValue value : counted.subList(0, 4)) {
                    FacetValue guess = estimated.stream()
                            .filter(v -> v.value().equals(value.value()))
                            .findFirst()
                            .orElseThrow();
                    assertThat((double) guess.count()).isCloseTo(value.count(), withinPercentage(15));
                }

                Query narrow = new TermQuery(new Term("word", "rare"));
                FacetCounts.Counted few = counter.count(searcher, narrow, categories, true);
                assertThat(few.estimated()).isFalse();
                assertThat(few.total()).isEqualTo(searcher.count(narrow));
            }
        }
    }

    @Test
    void estimatesAreRoundedToTwoSignificantDigits() {
        assertThat(FacetCounts.approximately(53_817.6)).isEqualTo(54_000);
        assertThat(FacetCounts.approximately(1_249)).isEqualTo(1_200);
        assertThat(FacetCounts.approximately(987)).isEqualTo(990);
        assertThat(FacetCounts.approximately(42.4)).isEqualTo(42);
    }

    private static List<FacetValue> lucene(DirectoryReader reader, FacetsCollector matches, String field, int top)
            throws IOException {
        StringValueFacetCounts counts =
                new StringValueFacetCounts(new StringDocValuesReaderState(reader, field), matches);
        FacetResult result = counts.getTopChildren(top, field);
        List<FacetValue> values = new ArrayList<>();
        for (LabelAndValue value : result.labelValues) {
            values.add(new FacetValue(value.label, value.label, value.value.intValue()));
        }
        return values;
    }
}
