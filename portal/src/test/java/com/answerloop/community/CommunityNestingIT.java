package com.answerloop.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.search.SearchHit;
import com.answerloop.search.SearchManagement;
import com.answerloop.search.SearchQuery;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Markdown nested thousands of levels deep used to overflow the renderer's stack, so one stored answer broke its
 * thread (page and API) for everyone. Such a post is now refused when written, and one stored before keeps its thread
 * readable.
 */
class CommunityNestingIT extends CommunityTestSupport {

    @Autowired
    SearchManagement search;

    private static final String BOMB = ">".repeat(10_000) + " boom";

    @Test
    void aDeeplyNestedAnswerIsRefusedThroughTheApiAndTheThreadStillWorks() throws Exception {
        Member asker = member("Nesting Asker", 30);
        Member attacker = member("Nesting Attacker", 30);
        var thread = question(asker, "Why does my quote nesting matter?");

        mvc.perform(post("/api/v1/threads/{id}/answers", thread.threadId())
                        .with(as(attacker))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"" + BOMB + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("more than 50 levels deep")));

        assertThat(jdbc.queryForObject(
                        "select count(*) from community_posts where thread_id = ?", Long.class, thread.threadId()))
                .isEqualTo(1);
        mvc.perform(get(thread.url())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/threads/{id}", thread.threadId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answers.length()").value(0));
    }

    @Test
    void theAnswerFormAndAnEditRefuseDeepNestingWithAPageMessage() throws Exception {
        Member asker = member("Nesting Form Asker", 30);
        var thread = question(asker, "Can the form take a deep quote?");

        mvc.perform(post("/community/threads/{id}/answers", thread.threadId())
                        .with(as(asker))
                        .with(csrf())
                        .param("body", "- ".repeat(5_000) + "list bomb"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("more than 50 levels deep")));
        mvc.perform(post("/community/posts/{id}/edit", thread.postId())
                        .with(as(asker))
                        .with(csrf())
                        .param("title", "Can the form take a deep quote?")
                        .param("body", BOMB)
                        .param("tags", "setup"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("more than 50 levels deep")));

        assertThat(jdbc.queryForObject("select body from community_posts where id = ?", String.class, thread.postId()))
                .doesNotContain(">>>");
    }

    @Test
    void aDeepPostStoredBeforeTheLimitShowsAsPlainTextInsteadOfBreakingItsThread() throws Exception {
        Member asker = member("Nesting Legacy Asker", 30);
        Member answerer = member("Nesting Legacy Answerer", 30);
        var thread = question(asker, "What happens to an old nested answer?");
        var answer = answer(answerer, thread.threadId(), "A harmless answer for now.");
        jdbc.update("update community_posts set body = ? where id = ?", BOMB, answer.postId());

        mvc.perform(get(thread.url()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&gt;&gt;&gt;&gt; boom")));
        mvc.perform(get("/api/v1/threads/{id}", thread.threadId()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answers.length()").value(1));
    }

    @Test
    void aSearchIndexRebuildIndexesAThreadWithAStoredDeepPostAsText() throws Exception {
        Member asker = member("Nesting Rebuild Asker", 30);
        var good = question(asker, "Where are the xylophone tuning notes?");
        var bad = question(asker, "Which glockenspiel mallets to buy?");
        jdbc.update("update community_posts set body = ? where id = ?", BOMB, bad.postId());

        assertThat(search.rebuild()).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (search.isRebuilding() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(hits("xylophone")).contains(good.url());
        assertThat(hits("boom")).contains(bad.url());
    }

    private List<String> hits(String words) {
        return search.search(SearchQuery.of(words), false).hits().stream()
                .map(SearchHit::url)
                .toList();
    }

    @Test
    void previewOfDeeplyNestedTextExplainsInsteadOfFailing() throws Exception {
        Member writer = member("Nesting Previewer", 30);

        mvc.perform(post("/community/preview").with(as(writer)).with(csrf()).param("body", BOMB))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("more than 50 levels deep")));
        mvc.perform(post("/community/ask")
                        .with(as(writer))
                        .with(csrf())
                        .param("action", "preview")
                        .param("title", "A nested preview")
                        .param("body", "*a ".repeat(5_000) + "x" + " a*".repeat(5_000)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("formatting marks")));
    }
}
