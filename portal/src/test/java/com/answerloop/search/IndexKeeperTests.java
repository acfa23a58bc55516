package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.shared.PortalSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rebuild reads its documents once at its start; what changes while it runs must survive it. */
class IndexKeeperTests {

    @TempDir
    Path dataDir;

    private IndexKeeper keeper;

    @AfterEach
    void close() {
        keeper.destroy();
    }

    @Test
    void changesMadeWhileARebuildRunsAreNeitherOverwrittenNorRemovedByIt() throws Exception {
        CountDownLatch rebuildHasRead = new CountDownLatch(1);
        CountDownLatch liveChangesDone = new CountDownLatch(1);
        // The database as the rebuild reads it: articles 1 and 2, article 1 still with its old title.
        DocumentSource articles = new DocumentSource() {
            @Override
            public String type() {
                return "article";
            }

            @Override
            public Stream<SearchDocument> all() {
                List<SearchDocument> snapshot = List.of(doc(1, "Old marimba title"), doc(2, "Xylophone tuning"));
                rebuildHasRead.countDown();
                await(liveChangesDone);
                return snapshot.stream();
            }
        };
        keeper = new IndexKeeper(
                new PortalSettings(dataDir, dataDir.resolve("content"), "http://localhost"),
                new SearchSettings(50, null, false, SearchEngine.EXACT_COUNTS_UP_TO, SearchSettings.Semantic.DEFAULTS),
                List.of(articles));
        keeper.update(doc(2, "Xylophone tuning"));

        assertThat(keeper.rebuild("test", false)).isTrue();
        await(rebuildHasRead);
        keeper.update(doc(1, "New vibraphone title")); // edited after the rebuild read it
        keeper.update(doc(3, "Glockenspiel care")); // published after the rebuild read
        keeper.delete(SearchDocument.key("article", 2)); // archived after the rebuild read
        liveChangesDone.countDown();
        waitUntilFinished();

        assertThat(titlesFor("vibraphone")).containsExactly("New vibraphone title");
        assertThat(titlesFor("marimba")).isEmpty();
        assertThat(titlesFor("glockenspiel")).containsExactly("Glockenspiel care");
        assertThat(titlesFor("xylophone")).isEmpty();
    }

    @Test
    void aDocumentLuceneRefusesIsSkippedByARebuildAndTheOthersAreIndexed() throws Exception {
        // A keyword term over Lucene's 32,766-byte limit makes IndexWriter refuse the whole document.
        SearchDocument refused = doc(2, "Oboe reeds", List.of("t".repeat(40_000)));
        DocumentSource articles = new DocumentSource() {
            @Override
            public String type() {
                return "article";
            }

            @Override
            public Stream<SearchDocument> all() {
                return Stream.of(doc(1, "Marimba mallets"), refused, doc(3, "Cello strings"));
            }
        };
        keeper = new IndexKeeper(
                new PortalSettings(dataDir, dataDir.resolve("content"), "http://localhost"),
                new SearchSettings(50, null, false, SearchEngine.EXACT_COUNTS_UP_TO, SearchSettings.Semantic.DEFAULTS),
                List.of(articles));

        assertThat(keeper.rebuild("test", true)).isTrue();
        waitUntilFinished();

        assertThat(titlesFor("marimba")).containsExactly("Marimba mallets");
        assertThat(titlesFor("cello")).containsExactly("Cello strings");
        assertThat(titlesFor("oboe")).isEmpty();
    }

    @Test
    void aWriterClosedOverDamagedBytesIsHealedFromAnEmptyIndexNotByRewritingTheDamagedOneInPlace() throws Exception {
        CountDownLatch healingRebuildMayRead = new CountDownLatch(1);
        boolean[] holdRebuilds = {false};
        List<SearchDocument> articles = new java.util.ArrayList<>();
        for (long id = 1; id <= 12; id++) {
            articles.add(longDoc(id, "Instrument number " + id));
        }
        DocumentSource source = new DocumentSource() {
            @Override
            public String type() {
                return "article";
            }

            @Override
            public Stream<SearchDocument> all() {
                if (holdRebuilds[0]) {
                    await(healingRebuildMayRead);
                }
                return List.copyOf(articles).stream();
            }
        };
        SearchSettings wordsOnly =
                new SearchSettings(50, null, false, 1_000, SearchSettings.Semantic.DEFAULTS.withEnabled(false));
        keeper = new IndexKeeper(portal(), wordsOnly, List.of(source));
        // three commits, three segments: a later merge has to read them all
        for (int segment = 0; segment < 3; segment++) {
            for (SearchDocument article : articles.subList(segment * 4, segment * 4 + 4)) {
                keeper.update(article);
            }
            keeper.index().commit();
        }
        keeper.destroy();
        damageLargestStoredFieldsFile(dataDir.resolve("index"));

        keeper = new IndexKeeper(portal(), wordsOnly, List.of(source));
        // a merge reads the damaged bytes: Lucene closes the writer for good
        org.assertj.core.api.Assertions.catchThrowable(() -> keeper.index().compact());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!keeper.index().writerClosed() && System.nanoTime() < deadline) {
            Thread.sleep(20); // the merge thread closes it
        }
        assertThat(keeper.index().writerClosed())
                .as("writer closed by the merge")
                .isTrue();
        holdRebuilds[0] = true;

        keeper.heal();

        // while the healing rebuild waits for the database, the index in service holds no damaged byte, so no
        // search can fail on it (rewriting in place kept the damaged segment until the rewrite ended)
        keeper.index().verifyIntegrity();
        assertThat(keeper.resultsMayBeIncomplete()).isTrue();
        healingRebuildMayRead.countDown();
        waitUntilFinished();
        assertThat(titlesFor("instrument")).hasSize(10);
        assertThat(keeper.engine()
                        .search(SearchQuery.of("instrument"), true, false)
                        .total())
                .isEqualTo(12);
    }

    /** Overwrites bytes in the middle of the largest stored-fields file, keeping its size: a checksum no longer fits. */
    private static void damageLargestStoredFieldsFile(Path index) throws java.io.IOException {
        Path largest;
        try (Stream<Path> files = java.nio.file.Files.list(index)) {
            largest = files.filter(file -> file.getFileName().toString().endsWith(".fdt"))
                    .max(java.util.Comparator.comparingLong(
                            file -> file.toFile().length()))
                    .orElseThrow();
        }
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(largest.toFile(), "rw")) {
            byte[] noise = new byte[(int) Math.min(4_096, file.length() / 2)];
            new java.util.Random(16).nextBytes(noise);
            file.seek(file.length() / 4);
            file.write(noise);
        }
    }

    @Test
    void anIndexWithoutPassageVectorsIsWrittenAgainInPlaceWhenSemanticSearchIsTurnedOn() throws Exception {
        DocumentSource articles = new DocumentSource() {
            @Override
            public String type() {
                return "article";
            }

            @Override
            public Stream<SearchDocument> all() {
                return Stream.of(doc(1, "Reset your password"), doc(2, "Cello strings"));
            }
        };
        SearchSettings.Semantic off = SearchSettings.Semantic.DEFAULTS.withEnabled(false);
        keeper = new IndexKeeper(portal(), new SearchSettings(50, null, true, 1_000, off), List.of(articles));
        keeper.rebuild("built by words only", true);
        waitUntilFinished();
        keeper.destroy();

        keeper = new IndexKeeper(
                portal(),
                new SearchSettings(50, null, true, 1_000, SearchSettings.Semantic.DEFAULTS),
                List.of(articles));

        // the words keep finding everything meanwhile: the index is kept, not emptied
        assertThat(keeper.resultsMayBeIncomplete()).isFalse();
        assertThat(titlesFor("password")).containsExactly("Reset your password");
        keeper.rebuildIfNeeded();
        assertThat(keeper.status().reason()).contains("another embedding model");
        waitUntilFinished();
        // no word of the question is in the article: only its new passage vectors find it
        assertThat(titlesFor("I forgot my login credentials")).first().isEqualTo("Reset your password");
    }

    @Test
    void aRebuildOnAnotherNodeEmbedsOnlyWhatChanged() throws Exception {
        StoredEmbeddings database = StoredEmbeddingsTests.inMemoryDatabase();
        List<SearchDocument> articles = new java.util.ArrayList<>(
                List.of(doc(1, "Reset your password"), doc(2, "Cello strings"), doc(3, "Oboe reeds")));
        DocumentSource source = articlesFrom(articles);
        SearchSettings semantic = new SearchSettings(50, null, true, 1_000, SearchSettings.Semantic.DEFAULTS);
        keeper = new IndexKeeper(portal(), semantic, List.of(source), database);
        keeper.rebuild("first node", true);
        waitUntilFinished();
        assertThat(keeper.passageEmbeddings().computed()).isEqualTo(3);
        keeper.destroy();

        // a second node: its own empty index directory, the same database; article 3 edited meanwhile
        articles.set(2, doc(3, "Oboe reeds and how to soak them"));
        keeper = new IndexKeeper(
                new PortalSettings(dataDir.resolve("node2"), dataDir.resolve("content"), "http://localhost"),
                semantic,
                List.of(source),
                database);
        keeper.rebuildIfNeeded();
        waitUntilFinished();

        assertThat(keeper.passageEmbeddings().computed()).isEqualTo(1);
        assertThat(keeper.passageEmbeddings().reused()).isEqualTo(2);
        // the vectors read back find by meaning: no word of the question is in the article
        assertThat(titlesFor("I forgot my login credentials")).first().isEqualTo("Reset your password");
    }

    @Test
    void theWeeklyCleanupDeletesTheVectorsOfTextNoLongerInAnyDocument() throws Exception {
        StoredEmbeddings database = StoredEmbeddingsTests.inMemoryDatabase();
        List<SearchDocument> articles =
                new java.util.ArrayList<>(List.of(doc(1, "Reset your password"), doc(2, "Cello strings")));
        DocumentSource source = articlesFrom(articles);
        SearchSettings semantic = new SearchSettings(50, null, true, 1_000, SearchSettings.Semantic.DEFAULTS);
        keeper = new IndexKeeper(portal(), semantic, List.of(source), database);
        keeper.rebuild("first", true);
        waitUntilFinished();
        articles.set(1, doc(2, "Cello strings and how to change them"));
        keeper.update(articles.get(1));
        Thread.sleep(5); // the cleanup keeps what was stored after it began: begin after the edit was stored

        int deleted = new EmbeddingCleanup(keeper, database, java.time.Clock.systemUTC()).removeUnused();

        assertThat(deleted)
                .as("the vector of the passage text the edit replaced")
                .isEqualTo(1);
        keeper.destroy();
        keeper = new IndexKeeper(
                new PortalSettings(dataDir.resolve("node2"), dataDir.resolve("content"), "http://localhost"),
                semantic,
                List.of(source),
                database);
        keeper.rebuildIfNeeded();
        waitUntilFinished();
        assertThat(keeper.passageEmbeddings().computed())
                .as("every passage a rebuild needs is still stored")
                .isZero();
    }

    /** The articles of the list as it is when a rebuild reads them (tests edit it between rebuilds). */
    private static DocumentSource articlesFrom(List<SearchDocument> articles) {
        return new DocumentSource() {
            @Override
            public String type() {
                return "article";
            }

            @Override
            public Stream<SearchDocument> all() {
                return List.copyOf(articles).stream();
            }
        };
    }

    private PortalSettings portal() {
        return new PortalSettings(dataDir, dataDir.resolve("content"), "http://localhost");
    }

    private List<String> titlesFor(String word) {
        keeper.index().refresh();
        return keeper.engine().search(SearchQuery.of(word), true, false).hits().stream()
                .map(SearchHit::title)
                .toList();
    }

    private void waitUntilFinished() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (keeper.isRebuilding() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(keeper.isRebuilding()).as("rebuild finished").isFalse();
        assertThat(keeper.status().error()).isNull();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static SearchDocument doc(long id, String title) {
        return doc(id, title, List.of());
    }

    /** An article with a body long enough that its stored fields fill a few kilobytes. */
    private static SearchDocument longDoc(long id, String title) {
        StringBuilder body = new StringBuilder();
        for (int sentence = 0; sentence < 60; sentence++) {
            body.append("Sentence ")
                    .append(sentence)
                    .append(" of article ")
                    .append(id)
                    .append(" tells how to care for it. ");
        }
        return new SearchDocument(
                "article",
                id,
                "a-" + id,
                "/articles/a-" + id,
                title,
                "",
                List.of(),
                body.toString(),
                List.of(),
                "instruments",
                "Instruments",
                null,
                null,
                false,
                LocalDate.of(2026, 1, 1));
    }

    private static SearchDocument doc(long id, String title, List<String> tags) {
        return new SearchDocument(
                "article",
                id,
                "a-" + id,
                "/articles/a-" + id,
                title,
                "",
                List.of(),
                title + " explained step by step",
                tags,
                "instruments",
                "Instruments",
                null,
                null,
                false,
                LocalDate.of(2026, 1, 1));
    }
}
