package com.answerloop.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.accounts.Role;
import com.answerloop.capture.CaptureManagement;
import com.answerloop.capture.CaptureProposal;
import com.answerloop.cases.TestCases;
import com.answerloop.knowledge.ArticleDraft;
import com.answerloop.search.SearchHit;
import com.answerloop.search.SearchQuery;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The votes, publications, citations, captures and flags are counted again from the knowledge and capture tables: after
 * the read models lost them, a rebuild gives the same figures the events gave, and running it again changes nothing.
 * A context of its own: the capture and publication here would change what KcsPublishingIT counts in the shared one.
 */
@TestPropertySource(properties = "answerloop.test.data-subdir=knowledgecapturerebuild")
class KnowledgeAndCaptureRebuildIT extends InsightsIntegrationTest {

    private static final List<String> AREAS = List.of("overview", "kcs", "articles");

    @Autowired
    KnowledgeRecordRebuild knowledgeRebuild;

    @Autowired
    CaptureRecordRebuild captureRebuild;

    @Autowired
    CaptureManagement capture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestCases cases;

    @Test
    void aRebuildFromTheKnowledgeAndCaptureTablesGivesTheFiguresTheEventsGave() throws Exception {
        Authentication agent = testAccounts.signedIn(
                testAccounts.account("content-rebuild-agent@example.org", "Content Rebuild Agent", Role.AGENT));
        Authentication editor = testAccounts.signedIn(
                testAccounts.account("content-rebuild-editor@example.org", "Content Rebuild Editor", Role.EDITOR));
        // the start's imports may be counted twice live (a publication still waiting after 30 s is delivered again),
        // so the day starts from what its stored history says: one rebuild once every event is delivered
        await(
                () -> jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION")
                                .query(Long.class)
                                .single()
                        == 0,
                "the events of the start to be delivered");
        snapshot(editor); // and their counts written, or they would land on top of the rebuilt day
        rebuildAsIfTodayWereOver();
        Map<String, JsonNode> before = snapshot(editor);
        List<SearchHit> hits =
                super.search.search(SearchQuery.of("password"), false).hits().subList(0, 2);
        String reused = cases.openAnonymous("Cannot sign in after the update", "Rebuild Customer");
        String created = cases.openAnonymous("Gondola export writes empty files", "Rebuild Customer");
        agentPosts(agent, "/agent/cases/" + reused + "/links", hits.get(0), null);
        for (String reference : List.of(reused, created)) {
            mvc.perform(post("/agent/cases/" + reference + "/status")
                            .param("status", "solved")
                            .with(csrf())
                            .with(authentication(agent)))
                    .andExpect(status().is3xxRedirection());
        }
        ArticleDraft draft =
                captureAndPublish(agent, editor, created, () -> delta(before, editor, "kcs", "Citations") == 2);
        for (SearchHit hit : hits) {
            agentPosts(agent, "/agent/cases/" + reused + "/flags", hit, "The screenshots show the old sign-in page.");
        }
        long newestFlag =
                jdbc.sql("SELECT MAX(id) FROM article_flags").query(Long.class).single();
        mvc.perform(post("/editor/flags/" + newestFlag + "/resolve")
                        .with(csrf())
                        .with(authentication(editor)))
                .andExpect(status().is3xxRedirection());
        vote(hits.get(0).slug(), true, "Clear steps, thank you.");
        vote(hits.get(0).slug(), false, null);
        vote(draft.slug(), true, null);

        await(
                () -> delta(before, editor, "kcs", "Citations") == 2
                        && delta(before, editor, "kcs", "Flags") == 2
                        && delta(before, editor, "kcs", "Flags fixed") == 1
                        && delta(before, editor, "kcs", "Captured articles published") == 1
                        && delta(before, editor, "articles", "Helpful votes") == 2
                        && delta(before, editor, "articles", "Unhelpful votes") == 1,
                "the links, flags, publication and votes to be counted");
        snapshot(editor);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, String> recorded = answers(editor, AREAS, today);

        // the read models lose today's vote, publication, citation and flag counts and the two cases' links
        jdbc.sql("DELETE FROM analytics_daily WHERE stat_day = :day AND metric IN (:metrics)")
                .param("day", Date.valueOf(today))
                .param(
                        "metrics",
                        Stream.of(ArticleCounts.VOTE_METRICS, ArticleCounts.PUBLICATION_METRICS, CaptureCounts.METRICS)
                                .flatMap(List::stream)
                                .map(Enum::name)
                                .toList())
                .update();
        jdbc.sql("DELETE FROM analytics_case_link WHERE reference IN (:references)")
                .param("references", List.of(reused, created))
                .update();
        assertThat(answers(editor, AREAS, today)).as("the loss shows").isNotEqualTo(recorded);

        List<AnalyticsRebuild.Recount> recounts = rebuildAsIfTodayWereOver();
        assertThat(recounts.get(0).replayed())
                .as("two links, two flags, one fixed")
                .isEqualTo(5);
        assertThat(recounts.get(1).replayed())
                .as("three votes, the publication and the start's imports")
                .isGreaterThanOrEqualTo(4);
        assertThat(recounts.get(1).to()).isEqualTo(today);
        assertThat(answers(editor, AREAS, today)).isEqualTo(recorded);

        rebuildAsIfTodayWereOver();
        assertThat(answers(editor, AREAS, today))
                .as("a second rebuild changes nothing")
                .isEqualTo(recorded);
    }

    /** Capture, then knowledge, as the whole rebuild runs them; as if today were over: every event of it has arrived. */
    private List<AnalyticsRebuild.Recount> rebuildAsIfTodayWereOver() {
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        return List.of(
                captureRebuild.rebuild(tomorrow, (events, from, to) -> {}),
                knowledgeRebuild.rebuild(tomorrow, (events, from, to) -> {}));
    }

    /**
     * The agent captures the case as a new article (linked to it) and an editor publishes it, once the link is counted:
     * the live listener dates only a link it already holds.
     */
    private ArticleDraft captureAndPublish(
            Authentication agent, Authentication editor, String reference, BooleanSupplier linkCounted)
            throws Exception {
        CaptureProposal proposal = capture.propose(reference).orElseThrow();
        mvc.perform(post("/agent/cases/" + reference + "/capture")
                        .param("title", "Gondola export writes empty files")
                        .param("body", capture.scrubbed(proposal, List.of()))
                        .param("category", "using-the-help-center/your-account")
                        .with(csrf())
                        .with(authentication(agent)))
                .andExpect(status().is3xxRedirection());
        ArticleDraft draft = capture.capturedArticleOf(reference).orElseThrow();
        await(linkCounted, "the link to the captured article to be counted");
        mvc.perform(post("/editor/articles/" + draft.slug() + "/approve")
                        .with(csrf())
                        .with(authentication(editor)))
                .andExpect(status().is3xxRedirection());
        return draft;
    }

    /** A link (no note) or a flag (with its note) from the agent's console. */
    private void agentPosts(Authentication agent, String path, SearchHit hit, String note) throws Exception {
        var request = post(path).param("key", hit.key()).param("title", hit.title());
        if (note != null) {
            request.param("note", note);
        }
        mvc.perform(request.with(csrf()).with(authentication(agent))).andExpect(status().is3xxRedirection());
    }

    /** A reader's vote, from a browser of its own (no voter cookie): one vote each. */
    private void vote(String slug, boolean helpful, String comment) throws Exception {
        var request = post("/articles/" + slug + "/feedback").param("helpful", helpful ? "yes" : "no");
        if (comment != null) {
            request.param("comment", comment);
        }
        mvc.perform(request.with(csrf())).andExpect(status().is3xxRedirection());
    }
}
