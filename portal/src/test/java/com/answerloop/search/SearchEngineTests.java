package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.answerloop.support.Content;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index and query code on a real index in a temporary directory. */
class SearchEngineTests {

    @TempDir
    Path dir;

    private SearchIndex index;
    private SearchEngine engine;

    @BeforeEach
    void openIndex() throws Exception {
        index = new SearchIndex(dir.resolve("index"), Ranking.DEFAULT.similarity(), 50);
        assertThat(index.open()).isEqualTo(IndexOnDisk.Found.MISSING);
        var synonyms = SearchAnalyzers.parseSynonyms(new StringReader("login, sign in\n"));
        engine = new SearchEngine(index, () -> SearchAnalyzers.queryAnalyzer(synonyms), Ranking.DEFAULT);
        index.update(article(
                1,
                "Reset your password",
                "Forgot it? Use the reset link on the sign in page.",
                List.of("password", "account"),
                "your-account",
                false,
                LocalDate.of(2024, 3, 1)));
        index.update(article(
                2,
                "Change your email address",
                "Open your profile and change the email address.",
                List.of("email", "account"),
                "your-account",
                false,
                LocalDate.of(2024, 5, 1)));
        index.update(article(
                3,
                "Configure the mail server",
                "Set SMTP host, port and password in the settings.",
                List.of("email", "operators"),
                "operators",
                false,
                LocalDate.of(2023, 1, 1)));
        index.update(article(
                4,
                "Escalating a case",
                "Internal: how agents escalate a case to engineering.",
                List.of("cases"),
                "agents",
                true,
                LocalDate.of(2024, 6, 1)));
        index.update(article(
                5,
                "Password policy <script>alert(1)</script>",
                "Passwords need <b>twelve</b> characters & a number.",
                List.of("password"),
                "your-account",
                false,
                LocalDate.of(2022, 1, 1)));
        index.refresh();
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    private static SearchDocument article(
            long id,
            String title,
            String body,
            List<String> tags,
            String category,
            boolean internal,
            LocalDate updated) {
        return new SearchDocument(
                "article",
                id,
                "a-" + id,
                "/articles/a-" + id,
                title,
                "",
                List.of(),
                body,
                tags,
                category,
                category.replace('-', ' '),
                null,
                null,
                internal,
                updated);
    }

    private List<Long> ids(String text, boolean internal) {
        return engine.search(SearchQuery.of(text), internal, false).hits().stream()
                .map(SearchHit::id)
                .toList();
    }

    @Test
    void findsByStemmedWordsAndRanksTitleMatchesFirst() {
        assertThat(ids("resetting passwords", false)).first().isEqualTo(1L);
    }

    @Test
    void wordsCloseTogetherRankAboveTheSameWordsFarApart() {
        // the same words, as often, in texts of the same length: only their order differs, and the earlier document
        // would win a tie
        index.update(article(
                10,
                "Printer help",
                "The printer shows a warning light, then the queue went offline.",
                List.of(),
                "devices",
                false,
                LocalDate.of(2024, 1, 1)));
        index.update(article(
                11,
                "Printer help",
                "The printer went offline, then the queue shows a warning light.",
                List.of(),
                "devices",
                false,
                LocalDate.of(2024, 1, 1)));
        index.refresh();

        assertThat(ids("printer offline", false)).startsWith(11L, 10L);
        assertThat(ids("printer light", false)).startsWith(10L, 11L);
    }

    @Test
    void quotedPhraseMustMatchExactly() {
        assertThat(ids("\"email address\"", false)).containsExactly(2L);
    }

    @Test
    void excludedWordRemovesDocuments() {
        assertThat(ids("password", false)).contains(1L, 3L, 5L);
        assertThat(ids("password -smtp", false)).contains(1L, 5L).doesNotContain(3L);
    }

    @Test
    void internalDocumentsOnlyForAgents() {
        assertThat(ids("escalate case", false)).isEmpty();
        assertThat(ids("escalate case", true)).containsExactly(4L);
    }

    @Test
    void synonymsMatchOtherWording() {
        assertThat(ids("login", false)).contains(1L);
    }

    @Test
    void facetsCountAndFilterCombine() {
        SearchResults all = engine.search(SearchQuery.of("email account password"), false, false);
        assertThat(all.categories())
                .extracting(FacetValue::value, FacetValue::count)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("your-account", 3),
                        org.assertj.core.groups.Tuple.tuple("operators", 1));
        assertThat(all.tags()).extracting(FacetValue::value).contains("email", "password", "account");

        SearchResults filtered = engine.search(
                new SearchQuery(
                        "email account password", "your-account", List.of("Email"), null, SearchSort.RELEVANCE, 0, 10),
                false,
                false);
        assertThat(filtered.hits()).extracting(SearchHit::id).containsExactly(2L);
        assertThat(filtered.total()).isEqualTo(1);
    }

    @Test
    void sortsByRecency() {
        SearchResults results = engine.search(
                new SearchQuery("password", null, List.of(), null, SearchSort.RECENCY, 0, 10), false, false);
        assertThat(results.hits()).extracting(SearchHit::id).containsExactly(1L, 3L, 5L);
    }

    @Test
    void paginates() {
        SearchQuery second =
                new SearchQuery("password email account", null, List.of(), null, SearchSort.RELEVANCE, 1, 2);
        SearchResults page = engine.search(second, false, false);
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.hits()).hasSize(2);
        assertThat(page.totalPages()).isEqualTo(2);
    }

    @Test
    void pagesJoinUpWithoutGapsOrRepeatsAcrossTheProximityWindow() {
        // more matches than the proximity window, with the two words near each other in some and far apart in others
        for (int i = 0; i < 40; i++) {
            // the near ones are a word longer, so that by words alone they rank just below the far ones
            String body = i % 3 == 0
                    ? "The printer went offline after the update of item " + i + "."
                    : "The printer shows item " + i + ", the queue went offline.";
            index.update(
                    article(100 + i, "Printer note " + i, body, List.of(), "devices", false, LocalDate.of(2024, 1, 1)));
        }
        index.refresh();
        List<Long> paged = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            SearchQuery query =
                    new SearchQuery("printer offline", null, List.of(), null, SearchSort.RELEVANCE, page, 10);
            engine.search(query, false, false).hits().forEach(hit -> paged.add(hit.id()));
        }
        SearchQuery all = new SearchQuery("printer offline", null, List.of(), null, SearchSort.RELEVANCE, 0, 40);
        List<Long> atOnce = engine.search(all, false, false).hits().stream()
                .map(SearchHit::id)
                .toList();

        assertThat(paged).hasSize(40).doesNotHaveDuplicates().containsExactlyElementsOf(atOnce);
    }

    @Test
    void snippetsAreEscapedWithOnlyMarkTags() {
        SearchHit hit = engine.search(SearchQuery.of("twelve characters"), false, false)
                .hits()
                .getFirst();
        assertThat(hit.id()).isEqualTo(5L);
        assertThat(hit.snippetHtml())
                .contains("<mark>twelve")
                .contains("&lt;b&gt;")
                .doesNotContain("<b>");
        assertThat(hit.snippetHtml().replaceAll("</?mark>", "")).doesNotContain("<", ">");
    }

    @Test
    void aMisspeltQueryThatFindsNothingShowsTheResultsOfItsCorrection() {
        SearchResults results = engine.search(SearchQuery.of("pasword resett"), false, false);

        assertThat(results.showingResultsFor()).isEqualTo("password reset");
        assertThat(results.query().text()).isEqualTo("pasword resett"); // pages and the box keep what was typed
        assertThat(results.hits()).extracting(SearchHit::id).first().isEqualTo(1L);
        assertThat(results.didYouMean()).isNull();
    }

    @Test
    void aCorrectionIsOfferedWhenTheWordsAsTypedFindLittle() {
        // "policy" finds the policy article on its own; the misspelt "pasword" makes it one match by words
        SearchResults results = engine.search(SearchQuery.of("pasword policy"), false, false);

        assertThat(results.showingResultsFor()).isNull();
        assertThat(results.didYouMean()).isEqualTo("password policy");
    }

    @Test
    void noCorrectionThatOnlyMatchesItsWordsOneByOne() {
        // each corrected word would match some article ("mail", "characters"), but no article holds them together
        SearchResults results = engine.search(SearchQuery.of("quantum mial charactres"), false, false);

        assertThat(results.didYouMean()).isNull();
        assertThat(results.showingResultsFor()).isNull();
    }

    @Test
    void noSpellingSuggestionWhenTheQueryFindsEnough() {
        assertThat(engine.search(SearchQuery.of("password"), false, false).didYouMean())
                .isNull();
    }

    @Test
    void titleSuggestionsMatchWordPrefixes() {
        assertThat(engine.titleSuggestions("reset pas", false, 5))
                .containsExactly(new Suggestion(Suggestion.Kind.TITLE, "Reset your password", "/articles/a-1"));
        assertThat(engine.titleSuggestions("escal", false, 5)).isEmpty();
        assertThat(engine.titleSuggestions("escal", true, 5))
                .extracting(Suggestion::url)
                .containsExactly("/articles/a-4");
    }

    @Test
    void updateReplacesAndDeleteRemoves() {
        index.update(article(
                2,
                "Change your e-mail",
                "Completely new text about newsletters.",
                List.of(),
                "your-account",
                false,
                LocalDate.now()));
        index.delete("article:1");
        index.refresh();
        assertThat(ids("newsletters", false)).containsExactly(2L);
        assertThat(ids("reset link", false)).doesNotContain(1L);
        assertThat(index.documentCount()).isEqualTo(4);
    }

    @Test
    void reopensWithTheSameSchemaAndRebuildsAnOldOne() throws Exception {
        index.markComplete(); // as a rebuild does when it has written every document
        index.commit();
        index.close();
        SearchIndex again = new SearchIndex(dir.resolve("index"), Ranking.DEFAULT.similarity(), 50);
        assertThat(again.open()).isEqualTo(IndexOnDisk.Found.CURRENT);
        assertThat(again.documentCount()).isEqualTo(5);
        again.close();
        Files.writeString(dir.resolve("index").resolve("segments_1"), "garbage");
        try (var walk = Files.list(dir.resolve("index"))) {
            for (Path file : walk.filter(f -> f.getFileName().toString().startsWith("segments"))
                    .toList()) {
                Files.writeString(file, "garbage");
            }
        }
        index = new SearchIndex(dir.resolve("index"), Ranking.DEFAULT.similarity(), 50);
        assertThat(index.open()).isEqualTo(IndexOnDisk.Found.CORRUPT);
        assertThat(index.documentCount()).isZero();
    }

    @Test
    void hostileQueriesNeverFail() throws Exception {
        Path payloads = Content.testData("security/xss-payloads.txt");
        List<String> lines = Files.readAllLines(payloads, StandardCharsets.UTF_8);
        assertThat(lines).hasSizeGreaterThan(1000);
        for (String line : lines) {
            assertThatCode(() -> {
                        SearchResults results = engine.search(SearchQuery.of(line), false, false);
                        for (SearchHit hit : results.hits()) {
                            assertThat(hit.snippetHtml().replaceAll("</?mark>", ""))
                                    .doesNotContain("<");
                        }
                        engine.titleSuggestions(line, false, 5);
                    })
                    .as(line)
                    .doesNotThrowAnyException();
        }
        for (String odd : List.of(
                "",
                " ",
                "\"",
                "-",
                "--",
                "\"\"",
                "-\"",
                "*",
                "?",
                "\\",
                "AND",
                "a".repeat(10_000),
                "\u0000\u0001",
                "\uD800",
                "((((((((",
                "title:",
                "x~",
                "\"a\" -\"a\"")) {
            assertThatCode(() -> engine.search(SearchQuery.of(odd), false, false))
                    .as(odd)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void broadQueriesOnLargeIndexesGetAnEstimatedTotalAndNarrowOnesAnExactOne() throws Exception {
        for (int i = 100; i < 6_100; i++) {
            index.update(article(
                    i,
                    "Printer setup " + i,
                    i % 10 == 0 ? "Replace the toner cartridge." : "Connect the printer to the network.",
                    List.of("printing"),
                    i % 3 == 0 ? "printers" : "devices",
                    false,
                    LocalDate.of(2024, 1, 1)));
        }
        index.refresh();
        var synonyms = SearchAnalyzers.parseSynonyms(new StringReader(""));
        SearchEngine sampling =
                new SearchEngine(index, () -> SearchAnalyzers.queryAnalyzer(synonyms), Ranking.DEFAULT, 1_500);

        SearchResults broad = sampling.search(SearchQuery.of("printer"), false, false);
        assertThat(broad.totalEstimated()).isTrue();
        assertThat((double) broad.total()).isCloseTo(6_000, withinPercentage(5));
        assertThat(broad.hits()).hasSize(10);
        assertThat(broad.categories().get(0).value()).isEqualTo("devices");
        assertThat((double) broad.categories().get(0).count()).isCloseTo(4_000, withinPercentage(10));

        SearchResults narrow = sampling.search(SearchQuery.of("toner"), false, false);
        assertThat(narrow.totalEstimated()).isFalse();
        assertThat(narrow.total()).isEqualTo(600);

        // the default engine counts an index of this size exactly
        SearchResults exact = engine.search(SearchQuery.of("printer"), false, false);
        assertThat(exact.totalEstimated()).isFalse();
        assertThat(exact.total()).isEqualTo(6_000);
    }

    @Test
    void aShortPageIsTheLastEvenWhenAnEstimatedTotalPromisesMore() {
        SearchQuery firstPage = new SearchQuery("printer", null, List.of(), null, SearchSort.RELEVANCE, 0, 10);
        SearchHit hit = new SearchHit(
                "article", 1, "a", "A", "/a", "", 1f, "c", "C", null, List.of(), LocalDate.of(2024, 1, 1), null);
        SearchResults full = new SearchResults(
                firstPage,
                2_000,
                true,
                Collections.nCopies(10, hit),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                false);
        SearchResults shortPage = new SearchResults(
                firstPage, 2_000, true, List.of(hit, hit, hit), List.of(), List.of(), List.of(), null, null, false);
        assertThat(full.hasNext()).isTrue();
        assertThat(shortPage.hasNext()).isFalse();
    }
}
