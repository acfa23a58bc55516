package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.CorruptIndexException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search that fails on damaged index bytes is answered from the replacement index, whoever replaced it. At start a
 * background check reads every byte of the index; a search that failed meanwhile waited for that check, then checked
 * the new, sound index itself, found nothing wrong and answered 500 (DamagedIndexIT, 1 search of 50 in CI).
 */
class SearchIndexRetryTests {

    @TempDir
    Path dir;

    @Test
    void aSearchThatFailedWhileAnotherCheckReplacedTheIndexIsAnsweredFromTheNewIndex() throws Exception {
        try (SearchIndex index = new SearchIndex(dir.resolve("index"), Ranking.DEFAULT.similarity(), 50)) {
            index.open();
            // the start-up check replaced the damaged index while this failure waited; its own check finds no damage
            index.onSearchFailure(failure -> {
                index.reset();
                return false;
            });
            AtomicInteger attempts = new AtomicInteger();

            int documents = index.search(searcher -> {
                if (attempts.getAndIncrement() == 0) {
                    throw new CorruptIndexException("checksum failed", "_0.fdt");
                }
                return searcher.getIndexReader().numDocs();
            });

            assertThat(documents).as("answered from the new, empty index").isZero();
            assertThat(attempts).hasValue(2);
        }
    }

    @Test
    void aSearchFailureWithAnotherCauseIsNotRetried() throws Exception {
        try (SearchIndex index = new SearchIndex(dir.resolve("index"), Ranking.DEFAULT.similarity(), 50)) {
            index.open();
            index.onSearchFailure(failure -> false);
            AtomicInteger attempts = new AtomicInteger();

            assertThatThrownBy(() -> index.search(searcher -> {
                        attempts.incrementAndGet();
                        throw new IllegalStateException("a bug, not damage");
                    }))
                    .hasMessage("a bug, not damage");
            assertThat(attempts).hasValue(1);
        }
    }
}
