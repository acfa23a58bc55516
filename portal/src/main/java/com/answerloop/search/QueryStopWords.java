package com.answerloop.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Function words ("can", "I", "my", "the") that do not take part in scoring. Under BM25 they are cheap but not free:
 * in a long conversational question they outnumber the content words, and an article full of "my" and "can" beat
 * the one that answered it. They are dropped from the word clauses after analysis (so compared in their stemmed
 * form), never from quoted phrases, the proximity bonus or typeahead, and never when a query has nothing else.
 */
final class QueryStopWords {

    /** The list in {@code search/query-stop-words.txt}, each word as the English chain indexes it. */
    private static final Set<String> STEMMED = load();

    private QueryStopWords() {}

    static boolean isStopWord(String indexedTerm) {
        return STEMMED.contains(indexedTerm);
    }

    /**
     * The word clauses of a field query without the function words; the query itself when it is one word, has other
     * kinds of clauses, or is only function words (then they are all the reader gave us).
     */
    static Query dropFrom(Query words) {
        if (!(words instanceof BooleanQuery bool)
                || bool.getMinimumNumberShouldMatch() != 0
                || !bool.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD)) {
            return words;
        }
        List<BooleanClause> kept = bool.clauses().stream()
                .filter(c -> !(c.query() instanceof TermQuery term
                        && isStopWord(term.getTerm().text())))
                .toList();
        if (kept.isEmpty() || kept.size() == bool.clauses().size()) {
            return words;
        }
        if (kept.size() == 1) {
            return kept.getFirst().query();
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        kept.forEach(builder::add);
        return builder.build();
    }

    private static Set<String> load() {
        Set<String> stemmed = new HashSet<>();
        try (InputStream in = QueryStopWords.class.getResourceAsStream("/search/query-stop-words.txt");
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                Analyzer english = new SearchAnalyzers.English()) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.startsWith("#")) {
                    stemmed.addAll(SearchText.tokens(english, IndexSchema.BODY, line, 1_000));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(stemmed);
    }
}
