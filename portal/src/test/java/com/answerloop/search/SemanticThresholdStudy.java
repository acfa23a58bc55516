package com.answerloop.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.lucene.search.IndexSearcher;

/**
 * How similar must a passage be before search by meaning counts it? Compares floors on StackFAQ, the FAQ-shaped set
 * and the no-answer queries (against StackFAQ's articles and against the portal's own help articles), each split in a
 * tuning half and a held-out half (threads of even id / odd id; every second no-answer query of each group), all
 * through the real index and engine. Run with
 * {@code scripts/eval-search-threshold.sh}; docs/search.md ("Queries nothing answers") has the figures.
 */
public final class SemanticThresholdStudy {

    private static final Predicate<StackFaqEvaluation.Thread> TUNING = t -> t.id() % 2 == 0;

    public static void main(String[] args) throws Exception {
        List<StackFaqEvaluation.Thread> threads = StackFaqEvaluation.load(StackFaqEvaluation.locate());
        NoAnswerQueries noAnswer = NoAnswerQueries.load();
        Map<String, List<StackFaqEvaluation.Thread>> sets = new LinkedHashMap<>();
        sets.put("StackFAQ", threads);
        sets.put("FAQ-shaped", StackFaqEvaluation.faqShaped(threads));
        sets.put("shipped knowledge base (kb-content, no-answer queries only)", shippedArticles());
        for (var set : sets.entrySet()) {
            try (StackFaqEvaluation.Corpus corpus =
                    StackFaqEvaluation.Corpus.of(set.getValue(), Ranking.DEFAULT, true)) {
                System.out.println("== " + set.getKey());
                similarities(corpus, set.getValue(), noAnswer);
                boolean answerable =
                        set.getValue().stream().anyMatch(t -> !t.queries().isEmpty());
                SearchEngine words = corpus.engine(Ranking.DEFAULT, StackFaqEvaluation.WORDS_ONLY);
                System.out.println(
                        "floor   nDCG tune  nDCG held  no-answer: shown tune  held   meaning added tune  held");
                for (var gate : gates().entrySet()) {
                    SearchEngine engine = corpus.engine(Ranking.DEFAULT, gate.getValue());
                    System.out.printf(
                            Locale.ROOT,
                            "%-7s %s  %.3f  %.3f   %.3f  %.3f%n",
                            gate.getKey(),
                            answerable
                                    ? String.format(
                                            Locale.ROOT,
                                            "%.4f     %.4f   ",
                                            StackFaqEvaluation.metrics(engine, set.getValue(), TUNING)
                                                    .ndcg10(),
                                            StackFaqEvaluation.metrics(engine, set.getValue(), TUNING.negate())
                                                    .ndcg10())
                                    : "-          -        ",
                            NoAnswerQueries.shownShare(engine, noAnswer.half(true)),
                            NoAnswerQueries.shownShare(engine, noAnswer.half(false)),
                            NoAnswerQueries.meaningAddedShare(engine, words, noAnswer.half(true)),
                            NoAnswerQueries.meaningAddedShare(engine, words, noAnswer.half(false)));
                }
            }
        }
    }

    /** The portal's own help articles (kb-content): a second set of documents for the no-answer baseline. */
    private static List<StackFaqEvaluation.Thread> shippedArticles() throws IOException {
        List<StackFaqEvaluation.Thread> articles = new ArrayList<>();
        try (var files = Files.walk(com.answerloop.support.Content.shippedKnowledgeBase())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")
                            && !f.getFileName().toString().startsWith("_"))
                    .sorted()
                    .toList()) {
                String[] parts = Files.readString(file).split("(?m)^---\\s*$", 3);
                String title = parts[1].lines()
                        .filter(l -> l.startsWith("title:"))
                        .map(l -> l.substring("title:".length()).strip())
                        .findFirst()
                        .orElse(file.getFileName().toString());
                articles.add(new StackFaqEvaluation.Thread(articles.size(), title, List.of(parts[2]), List.of()));
            }
        }
        return articles;
    }

    private static Map<String, SearchSettings.Semantic> gates() {
        Map<String, SearchSettings.Semantic> gates = new LinkedHashMap<>();
        gates.put("words", StackFaqEvaluation.WORDS_ONLY);
        for (float floor : floors()) {
            SearchSettings.Semantic d = StackFaqEvaluation.semanticFromProperties();
            gates.put(
                    String.format(Locale.ROOT, "%.2f", floor),
                    new SearchSettings.Semantic(
                            true, d.model(), d.lexicalWeight(), d.semanticWeight(), floor, d.candidates(), d.fusion()));
        }
        return gates;
    }

    /** The floors compared: the system property floors (comma-separated), or 0.35 to 0.55. */
    private static float[] floors() {
        String[] values =
                System.getProperty("floors", "0.35,0.40,0.45,0.50,0.55").split(",");
        float[] floors = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floors[i] = Float.parseFloat(values[i].strip());
        }
        return floors;
    }

    /**
     * The best passage similarity of each no-answer query (the "nonsense baseline"), and for the answerable queries
     * whose words match nothing, the similarity of the article that answers them: where a bar can go.
     */
    private static void similarities(
            StackFaqEvaluation.Corpus corpus, List<StackFaqEvaluation.Thread> threads, NoAnswerQueries noAnswer)
            throws IOException {
        SentenceModel model = SentenceModel.named(
                        StackFaqEvaluation.semanticFromProperties().model())
                .orElseThrow();
        SemanticQuery all = new SemanticQuery(SentenceEmbedder.shared(model), 50, -1f);
        SearchEngine words = corpus.engine(Ranking.DEFAULT, StackFaqEvaluation.WORDS_ONLY);
        Map<String, List<Float>> best = new LinkedHashMap<>();
        for (NoAnswerQueries.Query q : noAnswer.queries()) {
            best.computeIfAbsent("no-answer: " + q.group(), g -> new ArrayList<>())
                    .add(similarity(corpus, all, q.text(), -1));
        }
        for (StackFaqEvaluation.Thread thread : threads) {
            for (String text : thread.queries()) {
                boolean noWordMatch =
                        words.search(SearchQuery.of(text), false, false).hits().isEmpty();
                String group = noWordMatch ? "answerable, no word match" : "answerable, words match";
                best.computeIfAbsent(group + ": its article", g -> new ArrayList<>())
                        .add(similarity(corpus, all, text, thread.id()));
            }
        }
        System.out.println("best-passage cosine       queries   min    p10    p50    p90    max");
        best.forEach((group, values) -> {
            float[] v = new float[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = values.get(i);
            }
            Arrays.sort(v);
            System.out.printf(
                    Locale.ROOT,
                    "%-40s %4d  %.3f  %.3f  %.3f  %.3f  %.3f%n",
                    group,
                    v.length,
                    v[0],
                    v[(int) (0.1 * (v.length - 1))],
                    v[(v.length - 1) / 2],
                    v[(int) (0.9 * (v.length - 1))],
                    v[v.length - 1]);
        });
    }

    /** The best similarity of any document ({@code id < 0}) or of the document with this id (-1 if not near). */
    private static float similarity(StackFaqEvaluation.Corpus corpus, SemanticQuery all, String text, long id) {
        return corpus.index().search((IndexSearcher searcher) -> {
            Map<Integer, Float> nearest = all.nearest(searcher, text, null);
            float found = -1f;
            for (var e : nearest.entrySet()) {
                if (id < 0
                        || Long.parseLong(searcher.storedFields()
                                        .document(e.getKey())
                                        .get(IndexSchema.ID))
                                == id) {
                    found = Math.max(found, e.getValue());
                }
            }
            return found;
        });
    }

    private SemanticThresholdStudy() {}
}
