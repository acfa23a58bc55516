package com.answerloop.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.analytics.SearchSequences.Settled;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchSequencesTests {

    private static final Instant T = Instant.parse("2026-12-06T10:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 6);

    private final SearchSequences sequences = new SearchSequences();

    @Test
    void otherWordsWithinAMinuteRefineAClickOrNothingEndsIt() {
        sequences.searched("a", T, "reset pasword");
        sequences.searched("a", T.plusSeconds(20), "reset password");
        sequences.clicked("a", T.plusSeconds(25));
        sequences.searched("b", T, "teleport widget");
        sequences.searched("c", T, "invoice copy");
        sequences.searched("c", T.plusSeconds(61), "invoice address");

        assertThat(sequences.settle(T.plusSeconds(74)))
                .as("nothing settles before its minute and the grace for late events have passed")
                .isEmpty();
        assertThat(sequences.settle(T.plusSeconds(76)))
                .containsExactlyInAnyOrder(
                        new Settled(DAY, "reset pasword", true, false),
                        new Settled(DAY, "teleport widget", false, true),
                        new Settled(DAY, "invoice copy", false, true));
        assertThat(sequences.settle(T.plusSeconds(200)))
                .containsExactlyInAnyOrder(
                        new Settled(DAY, "reset password", false, false),
                        new Settled(DAY, "invoice address", false, true));
        assertThat(sequences.pending()).isZero();
    }

    @Test
    void eventsAreJudgedByTheirTimeNotTheirArrival() {
        // a batch delivered out of order: the click and the second search arrive before the first search
        sequences.clicked("v", T.plusSeconds(5));
        sequences.searched("v", T.plusSeconds(30), "other words");
        sequences.searched("v", T, "first words");
        List<Settled> settled = sequences.settle(T.plusSeconds(300));
        assertThat(settled)
                .containsExactlyInAnyOrder(
                        new Settled(DAY, "first words", true, false), new Settled(DAY, "other words", false, true));
    }

    @Test
    void theSameWordsAgainNeitherRefineNorEndASearch() {
        sequences.searched("v", T, "router setup");
        sequences.searched("v", T.plusSeconds(10), "router setup");
        sequences.clicked("v", T.plusSeconds(12));
        assertThat(sequences.settle(T.plusSeconds(300)))
                .containsExactly(
                        new Settled(DAY, "router setup", false, false), new Settled(DAY, "router setup", false, false));
    }

    @Test
    void searchesWithoutAVisitorAreNotFollowed() {
        sequences.searched(null, T, "anonymous batch");
        sequences.searched("", T, "anonymous batch");
        assertThat(sequences.settle(T.plusSeconds(300))).isEmpty();
    }

    @Test
    void aSearchEndsOnTheLastResultOpenedUnlessOtherWordsFollow() {
        sequences.searched("v", T, "wobblebox blinking");
        sequences.clicked("v", T.plusSeconds(5), "article:1");
        sequences.clicked("v", T.plusSeconds(20), "article:2");
        sequences.searched("w", T, "wobblebox blinking");
        sequences.clicked("w", T.plusSeconds(5), "article:1");
        sequences.searched("w", T.plusSeconds(30), "wobblebox lamp");

        assertThat(sequences.settle(T.plusSeconds(300)))
                .extracting(Settled::found)
                .containsExactlyInAnyOrder(
                        new SearchSequences.Found("wobblebox blinking", "article:2", "v"),
                        null, // w searched other words after opening article:1: it was not the answer
                        null); // w's second search opened nothing
    }
}
