package com.answerloop.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Ranks or scores? Compares reciprocal-rank fusion with the weighted sum of normalised scores ({@link Fusion}) for
 * several word weights, on StackFAQ and the FAQ-shaped set, each split in a tuning half (threads of even id) and a
 * held-out half, through the real index and engine. The model and floor come from the system properties (as in
 * {@link StackFaqEvaluation#semanticFromProperties()}). Run with {@code scripts/eval-search-fusion.sh}; docs/search.md
 * ("Fusion") has the figures.
 */
public final class FusionStudy {

    private static final Predicate<StackFaqEvaluation.Thread> TUNING = t -> t.id() % 2 == 0;

    public static void main(String[] args) throws Exception {
        List<StackFaqEvaluation.Thread> threads = StackFaqEvaluation.load(StackFaqEvaluation.locate());
        Map<String, List<StackFaqEvaluation.Thread>> sets = new LinkedHashMap<>();
        sets.put("StackFAQ", threads);
        sets.put("FAQ-shaped", StackFaqEvaluation.faqShaped(threads));
        SearchSettings.Semantic base = StackFaqEvaluation.semanticFromProperties();
        System.out.println(
                "model " + base.model() + ", floor " + SemanticMode.of(base).floor());
        for (var set : sets.entrySet()) {
            try (StackFaqEvaluation.Corpus corpus =
                    StackFaqEvaluation.Corpus.of(set.getValue(), Ranking.DEFAULT, true)) {
                List<StackFaqEvaluation.Thread> knownItems = knownItemQueries(set.getValue());
                System.out.println("== " + set.getKey() + " (paraphrased questions | known-item word queries)");
                System.out.println("fusion            words:meaning  nDCG tune  nDCG held | tune     held");
                for (var fusion : fusions(base).entrySet()) {
                    SearchEngine engine = corpus.engine(Ranking.DEFAULT, fusion.getValue());
                    System.out.printf(
                            Locale.ROOT,
                            "%-32s %.4f     %.4f    | %.4f   %.4f%n",
                            fusion.getKey(),
                            StackFaqEvaluation.metrics(engine, set.getValue(), TUNING)
                                    .ndcg10(),
                            StackFaqEvaluation.metrics(engine, set.getValue(), TUNING.negate())
                                    .ndcg10(),
                            StackFaqEvaluation.metrics(engine, knownItems, TUNING)
                                    .ndcg10(),
                            StackFaqEvaluation.metrics(engine, knownItems, TUNING.negate())
                                    .ndcg10());
                }
            }
        }
    }

    /**
     * Known-item queries, the other way people search a help center: a few distinctive words they remember (a product
     * name, an error's wording) rather than a question. Made the usual way for simulated known-item topics (Azzopardi,
     * de Rijke and Balog, SIGIR 2007): per article, the three words of its answers with the highest tf-idf among
     * words that some other article also has (so the words alone do not name it) and no more than 2 % of articles have.
     */
    static List<StackFaqEvaluation.Thread> knownItemQueries(List<StackFaqEvaluation.Thread> threads) {
        Map<StackFaqEvaluation.Thread, Map<String, Integer>> termCounts = new LinkedHashMap<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (StackFaqEvaluation.Thread thread : threads) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String word :
                    String.join(" ", thread.answers()).toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                if (word.length() >= 4) {
                    counts.merge(word, 1, Integer::sum);
                }
            }
            counts.keySet().forEach(w -> documentFrequency.merge(w, 1, Integer::sum));
            termCounts.put(thread, counts);
        }
        int mostArticles = Math.max(2, threads.size() / 50);
        List<StackFaqEvaluation.Thread> queries = new ArrayList<>();
        termCounts.forEach((thread, counts) -> {
            List<String> words = counts.entrySet().stream()
                    .filter(e ->
                            documentFrequency.get(e.getKey()) >= 2 && documentFrequency.get(e.getKey()) <= mostArticles)
                    .sorted(Comparator.comparingDouble((Map.Entry<String, Integer> e) -> -e.getValue()
                                    * Math.log((double) threads.size() / documentFrequency.get(e.getKey())))
                            .thenComparing(Map.Entry::getKey))
                    .limit(3)
                    .map(Map.Entry::getKey)
                    .toList();
            if (words.size() == 3) {
                queries.add(new StackFaqEvaluation.Thread(
                        thread.id(), thread.question(), thread.answers(), List.of(String.join(" ", words))));
            }
        });
        return queries;
    }

    private static Map<String, SearchSettings.Semantic> fusions(SearchSettings.Semantic base) {
        Map<String, SearchSettings.Semantic> fusions = new LinkedHashMap<>();
        fusions.put("words only", StackFaqEvaluation.WORDS_ONLY);
        fusions.put("ranks 1:1", with(base, Fusion.Method.RANKS, 0.5f));
        for (float words : new float[] {0.0f, 0.1f, 0.15f, 0.2f, 0.25f, 0.3f, 0.4f, 0.5f}) {
            fusions.put(
                    String.format(Locale.ROOT, "scores %.2f:%.2f", words, 1 - words),
                    with(base, Fusion.Method.SCORES, words));
        }
        return fusions;
    }

    private static SearchSettings.Semantic with(SearchSettings.Semantic base, Fusion.Method method, float words) {
        return new SearchSettings.Semantic(
                true, base.model(), words, 1 - words, base.minSimilarity(), base.candidates(), method);
    }

    private FusionStudy() {}
}
