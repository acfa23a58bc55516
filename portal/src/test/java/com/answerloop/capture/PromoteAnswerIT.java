package com.answerloop.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.accounts.Role;
import com.answerloop.accounts.UserAccount;
import com.answerloop.cases.CasesIntegrationTest;
import com.answerloop.community.CommunityFixtures;
import com.answerloop.knowledge.ArticleDraft;
import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.ArticleState;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * "Promote to article": an accepted community answer becomes a KCS draft the way a solved case does (structured
 * template, personal data scrubbed with keep or mask), credited to the thread and the answerer through validation.
 */
class PromoteAnswerIT extends CasesIntegrationTest {

    private static final String ASKER_PHONE = "+44 20 7946 0958";

    @Autowired
    ApplicationContext context;

    @Autowired
    CaptureManagement capture;

    @Autowired
    ArticleManagement articles;

    @Test
    void anAgentPromotesAnAcceptedAnswerAndTheValidatedArticleCreditsTheThread() throws Exception {
        UserAccount asker = testAccounts.account("priya.promote@example.org", "Priya Raman", Role.MEMBER);
        UserAccount answerer = testAccounts.account("kofi.promote@example.org", "Kofi Mensah", Role.MEMBER);
        UserAccount agent = testAccounts.account("agent.promote@answerloop.test", "Agent Promote", Role.AGENT);
        UserAccount editor = testAccounts.account("editor.promote@answerloop.test", "Editor Promote", Role.EDITOR);
        long threadId = CommunityFixtures.threadWithAcceptedAnswer(
                context,
                asker,
                answerer,
                "Marmalade exports stop after the first sheet",
                "When I export a marmalade workbook only the first sheet arrives. Call me on " + ASKER_PHONE
                        + " if you need the file. Thanks, Priya",
                "Turn on \"All sheets\" under Export options; marmalade exports only the active sheet otherwise.");

        // the thread page offers it to agents and editors only
        String threadUrl = threadPath(threadId);
        assertThat(page(get(threadUrl), agent)).contains("Promote to article").contains("/capture/threads/" + threadId);
        assertThat(page(get(threadUrl), editor)).contains("Promote to article");
        assertThat(page(get(threadUrl), asker)).doesNotContain("Promote to article");
        assertThat(mvc.perform(get(threadUrl)).andReturn().getResponse().getContentAsString())
                .doesNotContain("Promote to article");

        // step 1: the structured template with detections highlighted
        CaptureProposal proposal = capture.proposeFromThread(threadId).orElseThrow();
        assertThat(proposal.text())
                .contains("## Issue\n\nWhen I export a marmalade workbook")
                .contains("## Environment\n\n_Product, plan, platform, version._")
                .contains("## Resolution\n\nTurn on \"All sheets\"")
                .contains("## Cause");
        assertThat(proposal.detections()).extracting(Detection::kind).contains(PiiKind.PHONE, PiiKind.NAME);
        String review = page(get("/capture/threads/" + threadId), agent);
        assertThat(review).contains("pii-phone").contains("Back to the thread");

        // step 2: the editor, pre-filled and masked
        String editorPage = page(post("/capture/threads/" + threadId + "/edit").with(csrf()), agent);
        assertThat(editorPage)
                .contains("[phone removed]")
                .doesNotContain(ASKER_PHONE)
                .contains("Marmalade exports stop after the first sheet")
                .contains("Kofi Mensah");

        String body = capture.scrubbed(proposal, List.of());
        String location = mvc.perform(post("/capture/threads/" + threadId)
                        .param("title", "Marmalade exports stop after the first sheet")
                        .param("body", body)
                        .param("category", "using-the-help-center/your-account")
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/articles/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String slug = location.substring("/articles/".length());
        ArticleDraft draft = articles.draft(slug).orElseThrow();
        assertThat(draft.state()).isEqualTo(ArticleState.NOT_VALIDATED);
        assertThat(draft.author()).isEqualTo(agent.email());
        assertThat(draft.body())
                .doesNotContain(ASKER_PHONE)
                .doesNotContain("Priya")
                .contains("Promoted from the community thread [Marmalade exports stop after the first sheet]("
                        + threadUrl + ")")
                .contains("accepted answer by Kofi Mensah");

        // the author removes the credit while revising: it comes back
        mvc.perform(post("/agent/articles/" + slug)
                        .param("title", "Marmalade exports stop after the first sheet")
                        .param(
                                "body",
                                "## Issue\n\nOnly the first sheet is exported.\n\n## Resolution\n\nTurn on All"
                                        + " sheets.\n")
                        .param("action", "save")
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().is3xxRedirection());
        assertThat(articles.draft(slug).orElseThrow().body()).contains("accepted answer by Kofi Mensah");

        mvc.perform(post("/editor/articles/" + slug + "/approve")
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(editor))))
                .andExpect(status().is3xxRedirection());
        String published = mvc.perform(get("/articles/" + slug))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(published)
                .contains("href=\"" + threadUrl + "\"")
                .contains("accepted answer by Kofi Mensah")
                .doesNotContain("Not validated");
    }

    @Test
    void onlyAgentsAndEditorsReachPromotionAndOnlyForAcceptedAnswers() throws Exception {
        UserAccount asker = testAccounts.account("asker.gate@example.org", "Gate Asker", Role.MEMBER);
        UserAccount answerer = testAccounts.account("answerer.gate@example.org", "Gate Answerer", Role.MEMBER);
        UserAccount moderator = testAccounts.account("mod.gate@answerloop.test", "Gate Moderator", Role.MODERATOR);
        UserAccount agent = testAccounts.account("agent.gate@answerloop.test", "Gate Agent", Role.AGENT);
        long accepted = CommunityFixtures.threadWithAcceptedAnswer(
                context,
                asker,
                answerer,
                "Gatekeeper question about quotas",
                "How do I raise the upload quota for my team workspace?",
                "An owner raises it under Workspace settings, Limits, Upload quota.");
        String path = "/capture/threads/" + accepted;

        mvc.perform(get(path)).andExpect(status().is3xxRedirection()); // to sign in
        mvc.perform(post(path).param("title", "x").param("body", "y").with(csrf()))
                .andExpect(status().is3xxRedirection());
        for (UserAccount refused : List.of(asker, moderator)) {
            mvc.perform(get(path).with(authentication(testAccounts.signedIn(refused))))
                    .andExpect(status().isForbidden());
            mvc.perform(post(path)
                            .param("title", "Quota")
                            .param("body", "## Issue\n\nQuota\n")
                            .with(csrf())
                            .with(authentication(testAccounts.signedIn(refused))))
                    .andExpect(status().isForbidden());
        }
        assertThat(articles.inState(ArticleState.NOT_VALIDATED))
                .extracting(ArticleDraft::title)
                .doesNotContain("Quota");

        UserAccount lonely = testAccounts.account("lonely.gate@example.org", "Lonely Asker", Role.MEMBER);
        long unanswered = CommunityFixtures.openThread(
                context, lonely, "A question nobody answered yet", "Is there a dark mode for the mobile app at all?");
        mvc.perform(get("/capture/threads/" + unanswered).with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().isNotFound());
        assertThat(page(get(threadPath(unanswered)), agent)).doesNotContain("Promote to article");
    }

    /** The thread page's canonical path (with its slug). */
    private String threadPath(long threadId) throws Exception {
        return mvc.perform(get("/community/threads/" + threadId))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }
}
