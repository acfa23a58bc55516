package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTrackingTests {

    /**
     * A busy second's records fit the event registry's column: no announcing event holds more than 500 of them, each
     * up to a 200-character query and 500 characters of filters, and together they keep the order the searches had.
     */
    @Test
    void aBusySecondIsAnnouncedInEventsTheRegistryCanStoreAndInOrder() {
        List<SearchTracking.Tracked> batch = new ArrayList<>();
        for (int i = 0; i < 1_201; i++) {
            batch.add(new SearchTracking.Tracked(
                    new SearchPerformed(
                            "q" + i + " " + "x".repeat(190), 1, "tag=" + "y".repeat(490), Instant.EPOCH, "v"),
                    "v"));
        }

        List<SearchesRecorded> announcements = SearchTracking.announcements(batch);

        assertThat(announcements).extracting(a -> a.activity().size()).containsExactly(500, 500, 201);
        assertThat(announcements.stream().flatMap(a -> a.activity().stream()).toList())
                .containsExactlyElementsOf(
                        batch.stream().map(SearchTracking.Tracked::event).toList());
    }

    /** The event registry stores an event as JSON and reads an incomplete one back at the next start. */
    @Test
    void anAnnouncementReadsBackFromJsonAsTheSearchesAndClicksItHeld() {
        SearchesRecorded recorded = new SearchesRecorded(List.of(
                new SearchPerformed("reset password", 3, "", Instant.EPOCH, "v1"),
                new SearchResultClicked("reset password", "article:7", 1, Instant.EPOCH.plusSeconds(2), "v1")));
        tools.jackson.databind.json.JsonMapper json =
                tools.jackson.databind.json.JsonMapper.builder().build();

        SearchesRecorded read = json.readValue(json.writeValueAsString(recorded), SearchesRecorded.class);

        assertThat(read).isEqualTo(recorded);
    }
}
