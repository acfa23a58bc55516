package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;

/**
 * Snippets from the page highlighter are exactly what Lucene's own highlighter and passage scorer make, whichever hits a
 * page holds and in whichever order.
 */
class SnippetHighlighterTests {

    private static final List<String> WORDS = List.of(
            "printer", "offline", "queue", "driver", "network", "reset", "password", "email", "install", "update");

    @Test
    void snippetsEqualLucenesOwnAcrossSegmentsAndPages() throws IOException {
        Analyzer analyzer = SearchAnalyzers.indexAnalyzer();
        Random random = new Random(3);
        try (Directory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < 300; i++) {
                writer.addDocument(IndexSchema.toDocument(article(i, random)));
                if (i % 100 == 99) {
                    writer.commit(); // several segments
                }
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(1);
                IndexSearcher searcher = new IndexSearcher(reader);
                // one word missing from the index, synonyms-like repetition, words in only some documents
                Query query = new QueryBuilder(analyzer)
                        .createBooleanQuery(
                                IndexSchema.BODY, "printer offline drivers zebra queue", BooleanClause.Occur.SHOULD);
                for (int[] page : List.of(
                        new int[] {3, 17, 42, 99, 100, 101, 250, 299},
                        new int[] {250, 4, 120, 7}, // not in document order
                        new int[] {0})) {
                    Map<Integer, Document> documents = new HashMap<>();
                    for (int doc : page) {
                        documents.put(doc, searcher.storedFields().document(doc));
                    }
                    String[] ours = new SnippetHighlighter(SnippetHighlighter.settings(searcher, analyzer), documents)
                            .highlightFields(new String[] {IndexSchema.BODY}, query, page, new int[] {2})
                            .get(IndexSchema.BODY);
                    String[] lucenes = new UnifiedHighlighter(SnippetHighlighter.settings(searcher, analyzer)
                                    .withScorer(new PassageScorer()))
                            .highlightFields(new String[] {IndexSchema.BODY}, query, page, new int[] {2})
                            .get(IndexSchema.BODY);
                    assertThat(ours).containsExactly(lucenes);
                    assertThat(ours).anyMatch(snippet -> snippet != null && snippet.contains("<mark>"));
                }
            }
        }
    }

    @Test
    void passageScoresEqualLucenesScorer() {
        PassageScorer lucene = new PassageScorer();
        PassageScorer lean = new SnippetHighlighter.LeanPassageScorer();
        Random random = new Random(5);
        for (int round = 0; round < 500; round++) {
            Passage passage = new Passage();
            int start = random.nextInt(2_000);
            passage.setStartOffset(start);
            passage.setEndOffset(start + 400);
            int offset = start;
            for (int m = random.nextInt(12); m > 0; m--) {
                offset += 1 + random.nextInt(30);
                String word = WORDS.get(random.nextInt(4));
                passage.addMatch(offset, offset + word.length(), new BytesRef(word), 1 + random.nextInt(9));
            }
            int contentLength = 3_000 + random.nextInt(5_000);
            assertThat(lean.score(passage, contentLength)).isEqualTo(lucene.score(passage, contentLength));
        }
    }

    private static SearchDocument article(int id, Random random) {
        StringBuilder body = new StringBuilder();
        for (int sentence = 0; sentence < 6; sentence++) {
            for (int w = 0; w < 8; w++) {
                body.append(w == 0 ? "" : " ").append(WORDS.get(random.nextInt(WORDS.size())));
            }
            body.append(sentence % 2 == 0 ? ".\n" : ". ");
        }
        return new SearchDocument(
                "article",
                id,
                "a-" + id,
                "/articles/a-" + id,
                "Article " + id,
                "",
                List.of(),
                body.toString(),
                List.of(),
                "general",
                "General",
                null,
                null,
                false,
                LocalDate.of(2024, 1, 1));
    }
}
