package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ranking rules that must hold on help-center content of any shape: short FAQ articles (a title and a paragraph, no
 * summary, no headings) asked about in long conversational questions.
 */
class LexicalRankingTests {

    @TempDir
    Path dir;

    private SearchIndex index;
    private SearchEngine engine;

    @BeforeEach
    void openIndex() {
        index = new SearchIndex(dir.resolve("index"), Ranking.DEFAULT.similarity(), 50);
        index.open();
        engine = new SearchEngine(
                index, () -> SearchAnalyzers.queryAnalyzer(SearchAnalyzers.emptySynonyms()), Ranking.DEFAULT);
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    private void add(long id, String title, String summary, List<String> headings, String body) {
        index.update(new SearchDocument(
                "article",
                id,
                "a-" + id,
                "/articles/a-" + id,
                title,
                summary,
                headings,
                body,
                List.of(),
                "faq",
                "FAQ",
                null,
                null,
                false,
                LocalDate.of(2024, 1, 1)));
    }

    /**
     * Articles about something else, with a summary and headings as most guide articles have, so that the query's
     * words are as rare as in a real help center and the summary and headings fields have their usual statistics.
     */
    private void addUnrelated(long firstId, int count) {
        for (int i = 0; i < count; i++) {
            add(
                    firstId + i,
                    "Notifications " + i,
                    "Which emails you get.",
                    List.of("Choosing emails"),
                    "Choose which emails you get, topic " + i + ".");
        }
    }

    private List<Long> ids(String text) {
        return engine.search(SearchQuery.of(text), false, false).hits().stream()
                .map(SearchHit::id)
                .toList();
    }

    @Test
    void functionWordsDoNotOutweighTheWordsThatCarryTheQuestion() {
        add(1, "Can I use it on my phone or my tablet?", "", List.of(), "Yes, I can: on my phone and my tablet.");
        add(2, "Team invoices", "", List.of(), "Admins find each invoice of the team under Billing.");
        add(3, "Printing", "", List.of(), "Print any page from the browser.");
        index.refresh();

        assertThat(ids("can I see the invoices of my team on my phone")).first().isEqualTo(2L);
    }

    @Test
    void aQuestionOfOnlyFunctionWordsStillFindsWhatHasThem() {
        add(1, "What can I do", "", List.of(), "Everything.");
        add(2, "Printing", "", List.of(), "Print any page from the browser.");
        index.refresh();

        assertThat(ids("what can I do")).containsExactly(1L);
    }

    @Test
    void aSummaryAndHeadingsThatRepeatTheBodyDoNotMultiplyAnArticlesScore() {
        String text = "Open the report and choose Export, then Spreadsheet.";
        add(1, "Reports", "", List.of(), text);
        add(2, "Reports", text, List.of(text), text);
        addUnrelated(3, 8);
        index.refresh();

        List<SearchHit> hits = engine.search(SearchQuery.of("export report spreadsheet"), false, false)
                .hits();

        assertThat(hits).extracting(SearchHit::id).containsExactlyInAnyOrder(1L, 2L);
        // summed over the fields, the article with a summary and a heading scored about twice the other
        assertThat(hits.get(0).score() / hits.get(1).score()).isLessThan(1.5f);
    }

    @Test
    void aStrayQuoteMarkDoesNotTurnTheQuestionIntoARequiredPhrase() {
        add(1, "Leave and absence", "", List.of(), "Record the days you were away from work in the absence form.");
        index.refresh();

        assertThat(ids("\"if I was away from work last week")).containsExactly(1L);
    }
}
