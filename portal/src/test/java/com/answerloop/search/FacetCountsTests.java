package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The in-memory facet counter must count exactly what Lucene's own doc-values facet counting counts. */
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
                FacetCounts counter = new FacetCounts(new ReaderCache());
                for (Query query : List.of(new MatchAllDocsQuery(), new TermQuery(new Term("bucket", "b2")))) {
                    FacetsCollector matches = searcher.search(query, new FacetsCollectorManager());
                    Map<String, List<FacetValue>> counted = counter.top(matches, Map.of("category", 5, "tag", 100));
                    assertThat(counted.get("category"))
                            .containsExactlyElementsOf(lucene(reader, matches, "category", 5));
                    assertThat(counted.get("tag")).containsExactlyElementsOf(lucene(reader, matches, "tag", 100));
                    assertThat(counted.get("category")).hasSize(5);
                }
            }
        }
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
