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

    /** The default location, relative to the project root. */
    static final Path DEFAULT_SET = Path.of("../shared/eval/stackfaq/stackExchange-FAQ.xml");

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
        Metrics metrics = evaluate(load(set), Ranking.DEFAULT);
        System.out.println("StackFAQ relevance (" + set.normalize() + ")");
        System.out.printf(Locale.ROOT, "  queries      %d%n", metrics.queries());
        System.out.printf(Locale.ROOT, "  nDCG@10      %.4f%n", metrics.ndcg10());
        System.out.printf(Locale.ROOT, "  MRR@10       %.4f%n", metrics.mrr10());
        System.out.printf(Locale.ROOT, "  Recall@1     %.4f%n", metrics.recall1());
        System.out.printf(Locale.ROOT, "  Recall@5     %.4f%n", metrics.recall5());
        System.out.printf(Locale.ROOT, "  Recall@10    %.4f%n", metrics.recall10());
    }

    /** Finds the set from the project root or from the {@code portal/} module directory. */
    static Path locate() {
        for (Path candidate : List.of(DEFAULT_SET, Path.of("..").resolve(DEFAULT_SET))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "StackFAQ set not found at " + DEFAULT_SET.toAbsolutePath().normalize());
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
        Path dir = Files.createTempDirectory("stackfaq-index");
        try (SearchIndex index = new SearchIndex(dir, ranking.similarity(), 100)) {
            index.open();
            for (Thread thread : threads) {
                index.update(new SearchDocument(
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
                        LocalDate.of(2024, 1, 1)));
            }
            index.refresh();
            SearchEngine engine = new SearchEngine(
                    index, () -> SearchAnalyzers.queryAnalyzer(SearchAnalyzers.emptySynonyms()), ranking);
            int queries = 0;
            double ndcg = 0, mrr = 0, r1 = 0, r5 = 0, r10 = 0;
            for (Thread thread : threads) {
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
        } finally {
            deleteRecursively(dir);
        }
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
