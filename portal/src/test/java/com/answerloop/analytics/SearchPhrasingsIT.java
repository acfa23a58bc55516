package com.answerloop.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.search.LearnedPhrasing;
import com.answerloop.search.SearchHit;
import com.answerloop.search.SearchQuery;
import com.answerloop.support.BackgroundWork;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Search learns from the visitors' half of the loop, through the real pages: a search that ended on an article (the
 * visitor opened it and searched no other words) teaches search those words for it, once three different visitors did
 * so. The minute each search waits for its follow-up is not waited for: the test settles as if five minutes passed.
 */
class SearchPhrasingsIT extends InsightsIntegrationTest {

    /** Customers' own words for the thing: no article contains them. */
    private static final String QUERY = "zib zab cannot find my old ones";

    @Autowired
    EventRecorder recorder;

    @Autowired
    SearchSequences sequences;

    @Autowired
    @Qualifier("applicationTaskExecutor")
    ThreadPoolTaskExecutor listenerThreads;

    @Test
    void wordsThreeVisitorsSearchedBeforeTheyStoppedAtAnArticleFindIt() throws Exception {
        await(() -> trackYourRequests() != null, "the article \"Track your requests\" in the index");
        SearchHit article = trackYourRequests();
        assertThat(firstHit()).as("before: the words do not lead to it").isNotEqualTo(article.key());

        endedOn(new Visitor("203.0.113.41", "Firefox 140"), article);
        endedOn(new Visitor("203.0.113.42", "Safari 18"), article);
        // the same visitor twice is still one
        endedOn(new Visitor("203.0.113.42", "Safari 18"), article);
        assertThat(learned(article)).as("two visitors are not yet a pattern").isEmpty();

        endedOn(new Visitor("203.0.113.43", "Chrome 142"), article);
        assertThat(learned(article)).extracting(LearnedPhrasing::phrasing).containsExactly(QUERY);
        await(() -> article.key().equals(firstHit()), "the article to be found by the words people used");
    }

    /** The visitor searches, opens the article from the results and searches nothing else. */
    private void endedOn(Visitor visitor, SearchHit article) throws Exception {
        int followed = sequences.pending();
        mvc.perform(visitor.on(get("/search").param("q", QUERY))).andExpect(status().isOk());
        mvc.perform(visitor.on(get("/search/click")
                        .param("id", article.key())
                        .param("q", QUERY)
                        .param("pos", "3")))
                .andExpect(status().is3xxRedirection());
        // search events reach analytics in batches: the search and the click must both be followed before settling
        await(() -> sequences.pending() >= followed + 2, "the search and the click to be followed");
    }

    /** What is learned once the search and click events were heard and the searches settled. */
    private List<LearnedPhrasing> learned(SearchHit article) {
        BackgroundWork.awaitIdle(listenerThreads);
        recorder.settleSearches(Instant.now().plus(Duration.ofMinutes(5)));
        BackgroundWork.awaitIdle(listenerThreads);
        return super.search.learnedPhrasings(article.id());
    }

    private SearchHit trackYourRequests() {
        return super.search.search(SearchQuery.of("track your requests"), false).hits().stream()
                .filter(hit -> hit.slug().equals("track-your-requests"))
                .findFirst()
                .orElse(null);
    }

    private String firstHit() {
        List<SearchHit> hits = super.search.search(SearchQuery.of(QUERY), false).hits();
        return hits.isEmpty() ? "" : hits.getFirst().key();
    }
}
