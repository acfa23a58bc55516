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
                new SearchSettings(50, null, false, SearchEngine.EXACT_COUNTS_UP_TO),
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
        return new SearchDocument(
                "article",
                id,
                "a-" + id,
                "/articles/a-" + id,
                title,
                "",
                List.of(),
                title + " explained step by step",
                List.of(),
                "instruments",
                "Instruments",
                null,
                null,
                false,
                LocalDate.of(2026, 1, 1));
    }
}
