package com.answerloop.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Relevance evaluation on the StackFAQ set: each thread becomes an article (title = question, body = answers), each
 * paraphrase a query whose one relevant article is its own thread. Everything goes through the real indexing and
 * query code ({@link SearchIndex}, {@link SearchEngine}) on a throwaway index. Run with {@code scripts/eval-search.sh}.
 */
public final class StackFaqEvaluation {

    /** The set in the repository's test data (testdata/README.md names its source and licence). */
    static final String DEFAULT_SET = "stackfaq/stackExchange-FAQ.xml";

    record Thread(int id, String question, List<String> answers, List<String> queries) {}

    record Metrics(int queries, double ndcg10, double mrr10, double recall1, double recall5, double recall10) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "queries=%d nDCG@10=%.4f MRR@10=%.4f Recall@1=%.4f Recall@5=%.4f Recall@10=%.4f",
                    queries,
                    ndcg10,
                    mrr10,
                    recall1,
                    recall5,
                    recall10);
        }
    }

    public static void main(String[] args) throws Exception {
        Path set = args.length > 0 ? Path.of(args[0]) : locate();
        List<Thread> threads = load(set);
        Ranking ranking = rankingFromProperty();
        Metrics metrics = evaluate(threads, ranking);
        System.out.println("StackFAQ relevance (" + set.normalize() + ")");
        print(metrics);
        System.out.println(
                "FAQ-shaped (title + first paragraph, questions of 8+ words, every fourth with a stray quote)");
        print(evaluate(faqShaped(threads), ranking));
        if (!Boolean.getBoolean("lexicalOnly")) {
            long start = System.nanoTime();
            try (Corpus corpus = Corpus.of(threads, ranking, true)) {
                SearchEngine hybrid = corpus.engine(ranking, semanticFromProperties());
                Metrics hybridMetrics = metrics(hybrid, threads, t -> true);
                System.out.printf(
                        Locale.ROOT,
                        "Hybrid (words + %s, fused by %s), StackFAQ, %d s%n",
                        semanticFromProperties().model(),
                        semanticFromProperties().fusion(),
                        (System.nanoTime() - start) / 1_000_000_000);
                print(hybridMetrics);
                List<NoAnswerQueries.Query> noAnswer = NoAnswerQueries.load().queries();
                System.out.printf(
                        Locale.ROOT,
                        "No-answer queries (%d) on StackFAQ's articles: shown anything %.3f (words only %.3f),"
                                + " meaning added a document %.3f%n",
                        noAnswer.size(),
                        NoAnswerQueries.shownShare(hybrid, noAnswer),
                        NoAnswerQueries.shownShare(corpus.engine(ranking, WORDS_ONLY), noAnswer),
                        NoAnswerQueries.meaningAddedShare(hybrid, corpus.engine(ranking, WORDS_ONLY), noAnswer));
            }
            System.out.println("Hybrid, FAQ-shaped");
            print(evaluateHybrid(faqShaped(threads), ranking));
        }
    }

    /** {@code -Dranking=title,summary,headings,body,tags,proximity,slop,k1,b,contentTie} tries other knobs without a rebuild. */
    private static Ranking rankingFromProperty() {
        String spec = System.getProperty("ranking");
        if (spec == null) {
            return Ranking.DEFAULT;
        }
        float[] v = new float[10];
        String[] parts = spec.split(",");
        for (int i = 0; i < 10; i++) {
            v[i] = Float.parseFloat(parts[i]);
        }
        return new Ranking(v[0], v[1], v[2], v[3], v[4], v[5], (int) v[6], v[7], v[8], v[9]);
    }

    private static void print(Metrics metrics) {
        System.out.printf(Locale.ROOT, "  queries      %d%n", metrics.queries());
        System.out.printf(Locale.ROOT, "  nDCG@10      %.4f%n", metrics.ndcg10());
        System.out.printf(Locale.ROOT, "  MRR@10       %.4f%n", metrics.mrr10());
        System.out.printf(Locale.ROOT, "  Recall@1     %.4f%n", metrics.recall1());
        System.out.printf(Locale.ROOT, "  Recall@5     %.4f%n", metrics.recall5());
        System.out.printf(Locale.ROOT, "  Recall@10    %.4f%n", metrics.recall10());
    }

    /**
     * The same threads in the shape real help-center content and questions have: the article is its title and one
     * short paragraph (the first answer, cut to {@link #PARAGRAPH_WORDS} words; no summary, no headings), the queries
     * are the long conversational paraphrases (8 words or more), and every fourth of them starts with a quote mark
     * that is never closed. A second check that a ranking change generalises beyond StackFAQ's long answer bodies.
     */
    static List<Thread> faqShaped(List<Thread> threads) {
        List<Thread> shaped = new ArrayList<>();
        int n = 0;
        for (Thread thread : threads) {
            String[] words = thread.answers().getFirst().split(" ");
            String paragraph =
                    String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, PARAGRAPH_WORDS)));
            List<String> queries = new ArrayList<>();
            for (String query : thread.queries()) {
                if (query.split(" ").length >= 8) {
                    queries.add(n++ % 4 == 0 ? "\"" + query : query);
                }
            }
            shaped.add(new Thread(thread.id(), thread.question(), List.of(paragraph), queries));
        }
        return shaped;
    }

    static final int PARAGRAPH_WORDS = 80;

    /** Finds the set in the repository, from the project root or from the {@code portal/} module directory. */
    static Path locate() {
        return com.answerloop.support.Content.testData(DEFAULT_SET);
    }

    static List<Thread> load(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        org.w3c.dom.Document xml;
        try (InputStream in = Files.newInputStream(file)) {
            xml = factory.newDocumentBuilder().parse(in);
        }
        NodeList pairs = xml.getElementsByTagName("qapair");
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < pairs.getLength(); i++) {
            Element pair = (Element) pairs.item(i);
            List<String> queries = texts(pair, "rephr").stream()
                    .filter(q -> !q.equals("*") && !q.isBlank())
                    .toList();
            threads.add(new Thread(i, texts(pair, "question").getFirst(), texts(pair, "answer"), queries));
        }
        return threads;
    }

    private static List<String> texts(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip().replaceAll("\\s+", " "));
        }
        return texts;
    }

    static Metrics evaluate(List<Thread> threads, Ranking ranking) throws IOException {
        return evaluate(threads, ranking, null);
    }

    /** Hybrid search as the portal runs it by default: the embedding model and the fusion settings' defaults. */
    static Metrics evaluateHybrid(List<Thread> threads, Ranking ranking) throws IOException {
        SearchSettings.Semantic semantic = semanticFromProperties();
        return evaluate(threads, ranking, semantic);
    }

    static final SearchSettings.Semantic WORDS_ONLY = SearchSettings.Semantic.DEFAULTS.withEnabled(false);

    /** The defaults, or what the system properties model, fusion, lexicalWeight, semanticWeight, minSimilarity say. */
    static SearchSettings.Semantic semanticFromProperties() {
        SearchSettings.Semantic d = SearchSettings.Semantic.DEFAULTS;
        return new SearchSettings.Semantic(
                true,
                System.getProperty("model", d.model()),
                Float.parseFloat(System.getProperty("lexicalWeight", "" + d.lexicalWeight())),
                Float.parseFloat(System.getProperty("semanticWeight", "" + d.semanticWeight())),
                System.getProperty("minSimilarity") == null
                        ? d.minSimilarity()
                        : Float.valueOf(System.getProperty("minSimilarity")),
                d.candidates(),
                Fusion.Method.valueOf(
                        System.getProperty("fusion", d.fusion().name()).toUpperCase(Locale.ROOT)));
    }

    private static Metrics evaluate(List<Thread> threads, Ranking ranking, SearchSettings.Semantic semantic)
            throws IOException {
        try (Corpus corpus = Corpus.of(threads, ranking, semantic != null)) {
            return metrics(corpus.engine(ranking, semantic == null ? WORDS_ONLY : semantic), threads, t -> true);
        }
    }

    /**
     * The threads as articles in a throwaway index, with passage vectors when {@code embedded}; engines with any
     * semantic settings can search it, so settings are compared on one index (and the model's query cache).
     */
    record Corpus(Path dir, SearchIndex index) implements AutoCloseable {

        static Corpus of(List<Thread> threads, Ranking ranking, boolean embedded) throws IOException {
            return of(threads, ranking, embedded, false);
        }

        /** @param int8Vectors whether the HNSW graph works on vectors quantised to a byte per dimension */
        static Corpus of(List<Thread> threads, Ranking ranking, boolean embedded, boolean int8Vectors)
                throws IOException {
            Path dir = Files.createTempDirectory("stackfaq-index");
            SearchIndex index = new SearchIndex(dir, ranking.similarity(), 100);
            index.quantiseVectors(int8Vectors);
            SemanticMode mode = SemanticMode.of(embedded ? semanticFromProperties() : WORDS_ONLY);
            if (embedded && !mode.on()) {
                throw new IllegalStateException("semantic search is " + mode.status());
            }
            mode.embedInto(index);
            index.open();
            for (Thread thread : threads) {
                index.update(document(thread));
            }
            index.refresh();
            return new Corpus(dir, index);
        }

        SearchEngine engine(Ranking ranking, SearchSettings.Semantic semantic) {
            SemanticMode mode = SemanticMode.of(semantic);
            return new SearchEngine(
                    index,
                    () -> SearchAnalyzers.queryAnalyzer(SearchAnalyzers.emptySynonyms()),
                    ranking,
                    SearchEngine.EXACT_COUNTS_UP_TO,
                    mode.query(),
                    mode.fusion());
        }

        @Override
        public void close() {
            index.close();
            deleteRecursively(dir);
        }
    }

    /** A thread as the article the evaluations index: the question as title, the answers as body. */
    static SearchDocument document(Thread thread) {
        return new SearchDocument(
                "article",
                thread.id(),
                "faq-" + thread.id(),
                "/articles/faq-" + thread.id(),
                thread.question(),
                "",
                List.of(),
                String.join("\n\n", thread.answers()),
                List.of(),
                "faq",
                "FAQ",
                null,
                null,
                false,
                LocalDate.of(2024, 1, 1));
    }

    /** Relevance of the engine's first page over the queries of the threads {@code included} accepts. */
    static Metrics metrics(SearchEngine engine, List<Thread> threads, java.util.function.Predicate<Thread> included) {
        int queries = 0;
        double ndcg = 0, mrr = 0, r1 = 0, r5 = 0, r10 = 0;
        for (Thread thread : threads) {
            if (!included.test(thread)) {
                continue;
            }
            for (String text : thread.queries()) {
                queries++;
                List<SearchHit> hits =
                        engine.search(SearchQuery.of(text), false, false).hits();
                int rank = -1;
                for (int i = 0; i < hits.size(); i++) {
                    if (hits.get(i).id() == thread.id()) {
                        rank = i + 1;
                        break;
                    }
                }
                if (rank > 0) {
                    ndcg += 1.0 / (Math.log(rank + 1) / Math.log(2));
                    mrr += 1.0 / rank;
                    r1 += rank <= 1 ? 1 : 0;
                    r5 += rank <= 5 ? 1 : 0;
                    r10 += 1;
                }
            }
        }
        return new Metrics(queries, ndcg / queries, mrr / queries, r1 / queries, r5 / queries, r10 / queries);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StackFaqEvaluation() {}
}
