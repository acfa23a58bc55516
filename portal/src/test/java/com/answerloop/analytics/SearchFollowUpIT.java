package com.answerloop.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.accounts.Role;
import com.answerloop.search.SearchHit;
import com.answerloop.search.SearchQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import tools.jackson.databind.JsonNode;

/**
 * Refinement and exit rates from what visitors did after searching. The minute each search waits for its follow-up is
 * not waited for here: the test settles the searches as if five minutes had passed.
 */
class SearchFollowUpIT extends InsightsIntegrationTest {

    @Autowired
    EventRecorder recorder;

    @Autowired
    AnalyticsBuffer buffer;

    @Test
    void aRefinedSearchAndASearchLeftWithoutAClickShowAsRates() throws Exception {
        Authentication editor =
                testAccounts.signedIn(testAccounts.account("follow-editor@example.org", "Follow Editor", Role.EDITOR));
        Map<String, JsonNode> before = snapshot(editor);
        // earlier tests' searches still waiting for their minute are settled before the journey
        settleAll();
        long earlierFollowed = settledNow(before, editor);
        List<Long> refinedBefore = deltaOfRatio(before, editor, "search", "Refinement rate");
        List<Long> exitsBefore = deltaOfRatio(before, editor, "search", "Exits without a click");

        Visitor refiner = new Visitor("198.51.100.71", "Firefox 140");
        Visitor leaver = new Visitor("198.51.100.72", "Safari 18");
        search(refiner, "reset pasword");
        search(refiner, "reset my password");
        SearchHit hit = super.search
                .search(SearchQuery.of("reset my password"), false)
                .hits()
                .getFirst();
        mvc.perform(refiner.on(get("/search/click")
                        .param("id", hit.key())
                        .param("q", "reset my password")
                        .param("pos", "1")))
                .andExpect(status().is3xxRedirection());
        search(leaver, "quantum eel licence");
        await(
                () -> delta(before, editor, "search", "Searches") == 3
                        && delta(before, editor, "search", "Result clicks") == 1,
                "the searches and the click to be counted");

        settleAll();

        assertThat(settledNow(before, editor))
                .as("the three searches are settled")
                .isEqualTo(earlierFollowed + 3);
        List<Long> refined = deltaOfRatio(before, editor, "search", "Refinement rate");
        List<Long> exits = deltaOfRatio(before, editor, "search", "Exits without a click");
        assertThat(refined.get(0) - refinedBefore.get(0))
                .as("\"reset pasword\" was followed by other words")
                .isEqualTo(1);
        assertThat(exits.get(0) - exitsBefore.get(0))
                .as("\"quantum eel licence\" was left without a click; the refined search ended in a click")
                .isEqualTo(1);
    }

    private void search(Visitor visitor, String query) throws Exception {
        mvc.perform(visitor.on(get("/search").param("q", query))).andExpect(status().isOk());
    }

    /** Searches settled since the snapshot (the rates' shared denominator). */
    private long settledNow(Map<String, JsonNode> before, Authentication editor) {
        return deltaOfRatio(before, editor, "search", "Refinement rate").get(1);
    }

    /** Settles every search waiting for its minute, as if five minutes had passed, and writes the counts. */
    private void settleAll() {
        recorder.settleSearches(Instant.now().plus(Duration.ofMinutes(5)));
        buffer.flush();
    }
}
