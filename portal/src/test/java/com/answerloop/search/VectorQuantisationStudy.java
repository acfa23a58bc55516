package com.answerloop.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.search.IndexSearcher;

/**
 * Passage vectors as 32-bit floats or quantised to one byte per dimension (Lucene's scalar-quantised HNSW format):
 * hybrid nDCG@10 on StackFAQ and the FAQ-shaped set, how many of the float index's ten nearest documents the quantised
 * one also finds, and the size of the vector files. Run with {@code scripts/eval-search-quantisation.sh}.
 */
public final class VectorQuantisationStudy {

    public static void main(String[] args) throws Exception {
        List<StackFaqEvaluation.Thread> threads = StackFaqEvaluation.load(StackFaqEvaluation.locate());
        for (var set : Map.of("StackFAQ", threads, "FAQ-shaped", StackFaqEvaluation.faqShaped(threads))
                .entrySet()) {
            try (var floats = StackFaqEvaluation.Corpus.of(set.getValue(), Ranking.DEFAULT, true, false);
                    var int8 = StackFaqEvaluation.Corpus.of(set.getValue(), Ranking.DEFAULT, true, true)) {
                System.out.println("== " + set.getKey());
                for (var corpus : List.of(floats, int8)) {
                    SearchEngine engine = corpus.engine(Ranking.DEFAULT, SearchSettings.Semantic.DEFAULTS);
                    System.out.printf(
                            Locale.ROOT,
                            "%-6s hybrid nDCG@10 %.4f; vector files %s%n",
                            corpus == floats ? "float" : "int8",
                            StackFaqEvaluation.metrics(engine, set.getValue(), t -> true)
                                    .ndcg10(),
                            vectorFiles(corpus));
                }
                System.out.printf(
                        Locale.ROOT,
                        "int8 finds %.4f of the float index's 10 nearest documents%n",
                        overlap(floats, int8, set.getValue()));
            }
        }
    }

    private static double overlap(
            StackFaqEvaluation.Corpus floats, StackFaqEvaluation.Corpus int8, List<StackFaqEvaluation.Thread> threads) {
        SemanticQuery all = new SemanticQuery(SentenceEmbedder.shared(), 50, -1f);
        long found = 0, wanted = 0;
        for (StackFaqEvaluation.Thread thread : threads) {
            for (String text : thread.queries()) {
                Set<Long> expected = nearestIds(floats, all, text);
                Set<Long> got = nearestIds(int8, all, text);
                wanted += expected.size();
                got.retainAll(expected);
                found += got.size();
            }
        }
        return (double) found / wanted;
    }

    /** The ten documents nearest in meaning, by article id (the two indexes number documents alike but need not). */
    private static Set<Long> nearestIds(StackFaqEvaluation.Corpus corpus, SemanticQuery all, String text) {
        return corpus.index().search((IndexSearcher searcher) -> {
            Set<Long> ids = new HashSet<>();
            var best = all.nearest(searcher, text, null).entrySet().stream()
                    .sorted(Map.Entry.<Integer, Float>comparingByValue().reversed())
                    .limit(10)
                    .toList();
            for (var e : best) {
                ids.add(Long.parseLong(
                        searcher.storedFields().document(e.getKey()).get(IndexSchema.ID)));
            }
            return ids;
        });
    }

    /** Bytes per file extension of the vector formats (.vec floats, .veq quantised, .vex graph, metadata). */
    private static Map<String, Long> vectorFiles(StackFaqEvaluation.Corpus corpus) throws Exception {
        corpus.index().commit();
        Map<String, Long> sizes = new TreeMap<>();
        try (Stream<Path> files = Files.list(corpus.dir())) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
                if (ext.startsWith("ve")) {
                    sizes.merge(ext, Files.size(file), Long::sum);
                }
            }
        }
        return sizes;
    }

    private VectorQuantisationStudy() {}
}
