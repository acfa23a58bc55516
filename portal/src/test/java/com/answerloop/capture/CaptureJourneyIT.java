package com.answerloop.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.accounts.Role;
import com.answerloop.accounts.UserAccount;
import com.answerloop.cases.CaseStatus;
import com.answerloop.cases.CasesIntegrationTest;
import com.answerloop.cases.NewRequest;
import com.answerloop.cases.OpenedCase;
import com.answerloop.cases.TestCases;
import com.answerloop.knowledge.ArticleDraft;
import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.ArticleState;
import com.answerloop.search.SearchQuery;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * From a solved case to a published article: capture with personal data scrubbed, editor validation, and the
 * customer's own words finding the article in the site search while their email address and phone number do not.
 */
class CaptureJourneyIT extends CasesIntegrationTest {

    private static final String EMAIL = "ana.lopez@example.org";
    private static final String PHONE = "+31 6 4821 7735";

    @Autowired
    TestCases cases;

    @Autowired
    CaptureManagement capture;

    @Autowired
    ArticleManagement articles;

    @Test
    void aCapturedAndValidatedArticleHasNoCasePersonalDataAndIsFoundByTheCustomersWords() throws Exception {
        UserAccount agent = testAccounts.account("agent.capture@answerloop.test", "Agent Capture", Role.AGENT);
        UserAccount editor = testAccounts.account("editor.capture@answerloop.test", "Editor Capture", Role.EDITOR);
        OpenedCase opened = cases.open(
                new NewRequest(
                        "Zeppelin sync stalls at 99 percent",
                        "Hi, I am Ana Lopez. The zeppelin sync stalls at 99 percent every night. Reach me at " + EMAIL
                                + " or " + PHONE + ".",
                        EMAIL,
                        "Ana Lopez",
                        null,
                        "zeppelin sync stuck"),
                Optional.empty());
        String ref = opened.reference();
        cases.reply(
                ref,
                agent,
                "Clear the zeppelin cache folder and restart the sync; it completes then.",
                CaseStatus.SOLVED);

        String casePage = page(get("/agent/cases/" + ref), agent);
        assertThat(casePage).contains("Capture as article");

        CaptureProposal proposal = capture.propose(ref).orElseThrow();
        assertThat(proposal.detections())
                .extracting(Detection::kind)
                .contains(PiiKind.EMAIL, PiiKind.PHONE, PiiKind.NAME);
        String review = page(get("/agent/cases/" + ref + "/capture"), agent);
        assertThat(review).contains("pii-email").contains("pii-phone");

        String scrubbed = capture.scrubbed(proposal, List.of());
        assertThat(scrubbed)
                .doesNotContain(EMAIL)
                .doesNotContain(PHONE)
                .doesNotContain("Ana")
                .contains("[email removed]")
                .contains("zeppelin");
        // The agent pastes the address back into the text by hand: saving stops and shows what it found...
        String edited = scrubbed + "\nAsk Ana Lopez (" + EMAIL + ") to confirm.\n";
        String again = page(
                post("/agent/cases/" + ref + "/capture")
                        .param("title", "Zeppelin sync stalls at 99 percent")
                        .param("body", edited)
                        .with(csrf()),
                agent);
        assertThat(again)
                .contains("Personal data found in your edit")
                .contains("<code>" + EMAIL + "</code>")
                .contains("name=\"keepValue\" id=\"keep-value-0\" value=\"Ana Lopez\"");
        assertThat(articles.inState(ArticleState.NOT_VALIDATED))
                .extracting(ArticleDraft::title)
                .doesNotContain("Zeppelin sync stalls at 99 percent");
        // ...and saving again without keeping them masks them, since they were not kept.
        mvc.perform(post("/agent/cases/" + ref + "/capture")
                        .param("title", "Zeppelin sync stalls at 99 percent")
                        .param("body", edited)
                        .param("reviewed", EMAIL, "Ana Lopez")
                        .param("category", "using-the-help-center/your-account")
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().is3xxRedirection());

        ArticleDraft draft = articles.inState(ArticleState.NOT_VALIDATED).stream()
                .filter(d -> d.title().startsWith("Zeppelin sync"))
                .findFirst()
                .orElseThrow();
        assertThat(draft.body())
                .doesNotContain(EMAIL)
                .doesNotContain(PHONE)
                .doesNotContain("Ana Lopez")
                .contains("## Resolution")
                .contains("Clear the zeppelin cache folder");
        assertThat(draft.author()).isEqualTo("agent.capture@answerloop.test");
        mvc.perform(get("/articles/" + draft.slug())).andExpect(status().isNotFound());

        // Revising the draft later: the customer's phone pasted into the Resolution is found again and masked
        // unless the agent keeps it.
        String revised = draft.body()
                .replace(
                        "Clear the zeppelin cache folder",
                        "Call the customer back on " + PHONE + ", then clear the zeppelin" + " cache folder");
        assertThat(page(
                        post("/agent/articles/" + draft.slug())
                                .param("title", draft.title())
                                .param("body", revised)
                                .param("action", "save")
                                .with(csrf()),
                        agent))
                .contains("Personal data found in your edit")
                .contains("<code>" + PHONE + "</code>");
        assertThat(articles.draft(draft.slug()).orElseThrow().version()).isEqualTo(draft.version());
        mvc.perform(post("/agent/articles/" + draft.slug())
                        .param("title", draft.title())
                        .param("body", revised)
                        .param("action", "save")
                        .param("reviewed", PHONE)
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().is3xxRedirection());
        assertThat(articles.draft(draft.slug()).orElseThrow().body())
                .contains("Call the customer back on [phone removed], then clear")
                .doesNotContain(PHONE);
        mvc.perform(post("/agent/articles/" + draft.slug())
                        .param("title", draft.title())
                        .param("body", revised)
                        .param("action", "save")
                        .param("reviewed", PHONE)
                        .param("keepValue", PHONE)
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().is3xxRedirection());
        assertThat(articles.draft(draft.slug()).orElseThrow().body()).contains("Call the customer back on " + PHONE);
        // kept once, it is part of the reviewed draft: the next save goes through without asking again
        mvc.perform(post("/agent/articles/" + draft.slug())
                        .param("title", draft.title())
                        .param("body", revised + "\nChecked again.\n")
                        .param("action", "save")
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().is3xxRedirection());
        assertThat(articles.draft(draft.slug()).orElseThrow().body())
                .contains(PHONE)
                .contains("Checked again.");
        // the agent thinks better of it and takes the number out again before validation
        mvc.perform(post("/agent/articles/" + draft.slug())
                        .param("title", draft.title())
                        .param("body", draft.body())
                        .param("action", "save")
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().is3xxRedirection());

        mvc.perform(post("/editor/articles/" + draft.slug() + "/approve")
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().isForbidden());
        assertThat(page(get("/editor/review"), editor)).contains("Zeppelin sync stalls");
        assertThat(page(get("/editor/articles/" + draft.slug()), editor)).contains("Meets the content standard");
        mvc.perform(post("/editor/articles/" + draft.slug() + "/approve")
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(editor))))
                .andExpect(status().is3xxRedirection());

        await(
                () -> search.search(SearchQuery.of("zeppelin sync stuck"), false).hits().stream()
                        .anyMatch(hit -> hit.slug().equals(draft.slug())),
                "the validated article in the index");
        assertThat(search.search(SearchQuery.of("\"" + EMAIL + "\""), false).total())
                .isZero();
        assertThat(search.search(SearchQuery.of("ana.lopez"), true).total()).isZero();
        assertThat(search.search(SearchQuery.of("\"" + PHONE + "\""), true).hits())
                .extracting(hit -> hit.title() + " " + hit.snippetHtml())
                .isEmpty();
        assertThat(search.search(SearchQuery.of("4821"), true).total()).isZero();
        String published = mvc.perform(get("/articles/" + draft.slug()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(published).doesNotContain(EMAIL).doesNotContain("4821 7735").doesNotContain("Ana Lopez");
    }

    @Test
    void sendingBackNotifiesTheAuthorAndRollbackMakesANewVersion() throws Exception {
        UserAccount agent = testAccounts.account("agent.sendback@answerloop.test", "Agent Back", Role.AGENT);
        UserAccount editor = testAccounts.account("editor.sendback@answerloop.test", "Editor Back", Role.EDITOR);
        String slug = articles.createDraft(
                new com.answerloop.knowledge.NewArticle(
                        "Quartz export hint", null, "## Issue\n\nFirst text\n", List.of(), null, null),
                agent.email(),
                true);
        articles.reviseDraft(
                slug,
                new com.answerloop.knowledge.NewArticle(
                        "Quartz export hint", null, "## Issue\n\nSecond text\n", List.of(), null, null),
                agent.email());

        assertThat(page(get("/editor/articles/" + slug).param("diff", "1"), editor))
                .contains("First text")
                .contains("Second text");
        mvc.perform(post("/editor/articles/" + slug + "/send-back")
                        .param("comment", "Please add the cause.")
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(editor))))
                .andExpect(status().is3xxRedirection());
        assertThat(articles.draft(slug).orElseThrow().state()).isEqualTo(ArticleState.WORK_IN_PROGRESS);
        String notice = lastMailTo(agent.email());
        assertThat(notice).contains("Please add the cause.");
        String draftPath = pathIn(notice, "/agent/articles/");
        assertThat(page(get(draftPath), agent)).contains("Work in progress").contains("Second text");
        mvc.perform(get(draftPath)
                        .with(authentication(testAccounts.signedIn(
                                testAccounts.account("other.agent@answerloop.test", "Other", Role.AGENT)))))
                .andExpect(status().isNotFound());
        mvc.perform(post(draftPath)
                        .param("title", "Quartz export hint")
                        .param("body", "## Issue\n\nSecond text\n\n## Cause\n\nA stale cache.\n")
                        .param("action", "submit")
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().is3xxRedirection());
        assertThat(articles.draft(slug).orElseThrow().state()).isEqualTo(ArticleState.NOT_VALIDATED);

        mvc.perform(post("/editor/articles/" + slug + "/rollback")
                        .param("version", "1")
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(editor))))
                .andExpect(status().is3xxRedirection());
        ArticleDraft rolledBack = articles.draft(slug).orElseThrow();
        assertThat(rolledBack.version()).isEqualTo(4);
        assertThat(rolledBack.body()).contains("First text");
        assertThat(page(get("/editor/articles/" + slug + "/export"), editor))
                .startsWith("---\ntitle:")
                .contains("slug: " + slug);
    }
}
