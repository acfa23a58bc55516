package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hybrid search on a real index with the real embedding model (loaded once per JVM). */
class SemanticSearchTests {

    @TempDir
    Path dir;

    private SearchIndex index;
    private SearchEngine engine;

    @BeforeEach
    void openIndex() {
        SemanticMode semantic = SemanticMode.of(SearchSettings.Semantic.DEFAULTS);
        assertThat(semantic.on())
                .as("model loads: %s", SentenceEmbedder.loadError(SentenceModel.defaultModel()))
                .isTrue();
        index = new SearchIndex(dir.resolve("index"), Ranking.DEFAULT.similarity(), 50);
        semantic.embedInto(index);
        index.open();
        engine = new SearchEngine(
                index,
                () -> SearchAnalyzers.queryAnalyzer(SearchAnalyzers.emptySynonyms()),
                Ranking.DEFAULT,
                SearchEngine.EXACT_COUNTS_UP_TO,
                semantic.query(),
                semantic.fusion());
        add(1, "Reset your password", "Use the link on the sign-in page to choose a new password.", false);
        add(2, "Refund policy for cancelled orders", "Refunds reach your card within five working days.", true);
        add(3, "Printing invoices", "Open Billing and print any invoice.", false);
        add(4, "Change your e-mail address", "Open your profile and enter the new one; a link confirms it.", false);
        add(5, "Contact support", "Write to us through the contact form; we answer within a working day.", false);
        index.refresh();
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    private void add(long id, String title, String body, boolean internal) {
        index.update(new SearchDocument(
                "article",
                id,
                "a-" + id,
                "/articles/a-" + id,
                title,
                "",
                List.of(),
                body,
                List.of(),
                "faq",
                "FAQ",
                null,
                null,
                internal,
                LocalDate.of(2024, 1, 1)));
    }

    private List<Long> ids(String text, boolean seesInternal) {
        return engine.search(SearchQuery.of(text), seesInternal, false).hits().stream()
                .map(SearchHit::id)
                .toList();
    }

    @Test
    void aQuestionWithNoSharedWordsFindsItsArticleByMeaning() {
        // no word of the question occurs in the article
        assertThat(ids("I forgot my login credentials", false)).first().isEqualTo(1L);
    }

    @Test
    void anInternalArticleNeverReachesAPublicReaderThroughMeaning() {
        String question = "when will I get my money back after cancelling";

        assertThat(ids(question, false)).doesNotContain(2L);
        assertThat(ids(question, true)).first().isEqualTo(2L);
    }

    @Test
    void aQueryThatMeansNothingFindsNothing() {
        // Their words match no article, and each passage is merely least far from them: with a floor of cosine 0.35
        // the address showed "Change your e-mail address" (0.39) and the account number "Contact support" (0.36).
        // The customer should see "no results" and the contact link instead (docs/search.md, "Queries nothing
        // answers").
        for (String meaningless : List.of("jane.doe@example.com", "ACCT-99812345", "qwzxptl", "lorem ipsum dolor")) {
            assertThat(engine.search(SearchQuery.of(meaningless), true, false).hits())
                    .as(meaningless)
                    .isEmpty();
        }
    }
}
