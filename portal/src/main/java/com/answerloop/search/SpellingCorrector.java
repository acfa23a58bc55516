package com.answerloop.search;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * A better spelling of a query that found little by its words, from the words the index holds: shown as "Did you
 * mean", or searched at once ("Showing results for") when the words as typed found nothing.
 */
final class SpellingCorrector {

    /** Below this many hits by words a better spelling is looked for. */
    static final int FEW_HITS = 3;

    /** Queries with more words than this get no spelling suggestion. */
    static final int MAX_SPELLED_WORDS = 6;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final DirectSpellChecker spellChecker = new DirectSpellChecker();
    private final Analyzer english = new SearchAnalyzers.English();

    SpellingCorrector() {
        spellChecker.setMinQueryLength(3);
    }

    /**
     * A corrected query when the words look misspelt, or {@code null}: each word the index does not hold is replaced
     * by the closest word it holds. A correction counts only when it finds something better: more documents the
     * reader may see hold every one of its words than hold every word of the query as typed. Finding more documents
     * alone is not enough: "quantum flag capacity" matches more than "quantum flux capacitor" only because each word
     * matches on its own, and no article is about all three.
     */
    String correction(IndexSearcher searcher, SearchQuery request, boolean seesInternal) throws IOException {
        String text = request.text().length() > ParsedQuery.MAX_LENGTH
                ? request.text().substring(0, ParsedQuery.MAX_LENGTH)
                : request.text();
        if (WORD.matcher(text).results().count() > MAX_SPELLED_WORDS) {
            // long input is rarely a typo and checking every word would cost more than the search itself
            return null;
        }
        IndexReader reader = searcher.getIndexReader();
        Matcher matcher = WORD.matcher(text);
        StringBuilder corrected = new StringBuilder();
        boolean changed = false;
        while (matcher.find()) {
            String word = matcher.group().toLowerCase(Locale.ROOT);
            String replacement = closestIndexedWord(reader, word);
            if (!replacement.equals(word)) {
                changed = true;
                matcher.appendReplacement(corrected, Matcher.quoteReplacement(replacement));
            }
        }
        if (!changed) {
            return null;
        }
        matcher.appendTail(corrected);
        String suggestion = corrected.toString().strip();
        long withEveryWord = searcher.count(everyWord(suggestion, request, seesInternal));
        return withEveryWord > 0 && withEveryWord > searcher.count(everyWord(text, request, seesInternal))
                ? suggestion
                : null;
    }

    /** The word itself if the index holds it (or it is too short, too long or has digits to judge), else its best fix. */
    private String closestIndexedWord(IndexReader reader, String word) throws IOException {
        if (word.length() < 3 || word.length() > 24 || word.chars().anyMatch(Character::isDigit)) {
            return word;
        }
        Term term = new Term(IndexSchema.SPELL, word);
        if (reader.docFreq(term) > 0) {
            return word;
        }
        SuggestWord[] suggestions = spellChecker.suggestSimilar(term, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        return suggestions.length > 0 ? suggestions[0].string : word;
    }

    /**
     * The documents the reader may see (within the chosen filters) that hold every content word of the text (every
     * word when it has only function words), as the index analyses them.
     */
    private Query everyWord(String text, SearchQuery request, boolean seesInternal) {
        List<String> terms = SearchText.tokens(english, IndexSchema.ALL_TEXT, text, MAX_SPELLED_WORDS * 2);
        List<String> content =
                terms.stream().filter(t -> !QueryStopWords.isStopWord(t)).toList();
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String term : content.isEmpty() ? terms : content) {
            all.add(new TermQuery(new Term(IndexSchema.ALL_TEXT, term)), BooleanClause.Occur.FILTER);
        }
        return terms.isEmpty() ? new MatchNoDocsQuery() : ReaderFilters.filtered(all.build(), request, seesInternal);
    }
}
