package com.answerloop.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.accounts.Role;
import com.answerloop.accounts.UserAccount;
import com.answerloop.cases.CasesIntegrationTest;
import com.answerloop.cases.NewRequest;
import com.answerloop.cases.TestCases;
import com.answerloop.knowledge.ArticleDraft;
import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.NewArticle;
import com.answerloop.search.SearchHit;
import com.answerloop.search.SearchQuery;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * KCS "Not validated": visible to agents (labelled, findable, linkable to cases), never to customers or anonymous
 * readers in search, suggestions, sitemap, API or by URL. Work in progress stays with its author; validating updates
 * the indexed document, sending back and archiving take it out.
 */
class NotValidatedVisibilityIT extends CasesIntegrationTest {

    @Autowired
    ArticleManagement articles;

    @Autowired
    TestCases cases;

    @Test
    void agentsFindAndUseNotValidatedArticlesThatCustomersNeverSee() throws Exception {
        UserAccount agent = testAccounts.account("agent.kcs@answerloop.test", "Agent Kcs", Role.AGENT);
        UserAccount editor = testAccounts.account("editor.kcs@answerloop.test", "Editor Kcs", Role.EDITOR);
        UserAccount customer = testAccounts.account("customer.kcs@example.org", "Customer Kcs");
        String older = articles.createDraft(
                new NewArticle("Umbrite filter notes", null, "Umbrite filters need a reset.\n", null, null, null),
                agent.email(),
                true);
        String slug = articles.createDraft(
                new NewArticle(
                        "Xylofrost sensors report minus forty",
                        null,
                        "## Issue\n\nXylofrost sensors report minus forty after a firmware update.\n\n## Resolution\n\n"
                                + "Recalibrate the xylofrost sensor from the device menu.\n",
                        List.of("captured"),
                        null,
                        "using-the-help-center/your-account"),
                agent.email(),
                true);

        await(() -> hit(true, "xylofrost").isPresent(), "the not validated article in the agents' index");
        assertThat(hit(true, "xylofrost").orElseThrow().notValidated()).isTrue();
        assertThat(search.search(SearchQuery.of("xylofrost"), false).total()).isZero();

        // site search and API, by role
        assertThat(page(get("/search").param("q", "xylofrost"), agent))
                .contains("Xylofrost sensors report minus forty")
                .contains("Not validated");
        assertThat(page(get("/search").param("q", "xylofrost"), editor)).contains("Not validated");
        assertThat(page(get("/search").param("q", "xylofrost"), customer)).doesNotContain("Xylofrost sensors");
        assertThat(anonymous(get("/search").param("q", "xylofrost"))).doesNotContain("Xylofrost sensors");
        assertThat(page(get("/api/v1/search").param("q", "xylofrost"), agent)).contains("\"state\":\"not-validated\"");
        assertThat(page(get("/api/v1/search").param("q", "xylofrost"), customer))
                .contains("\"total\":0");
        assertThat(anonymous(get("/api/v1/search/suggest").param("q", "xylof"))).doesNotContain("Xylofrost");
        assertThat(page(get("/api/v1/search/suggest").param("q", "xylof"), customer))
                .doesNotContain("Xylofrost");
        assertThat(anonymous(get("/sitemap.xml"))).contains("/articles/").doesNotContain(slug);

        // the page itself, and the API
        assertThat(page(get("/articles/" + slug), agent))
                .contains("Not validated")
                .contains("Recalibrate");
        assertThat(page(get("/articles/" + slug), editor)).contains("Not validated");
        for (String path :
                List.of("/articles/" + slug, "/api/v1/articles/" + slug, "/api/v1/articles/" + slug + "/export")) {
            mvc.perform(get(path)).andExpect(status().isNotFound());
            mvc.perform(get(path).with(authentication(testAccounts.signedIn(customer))))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(get("/search/click")
                        .param("id", "article:" + draftOf(slug).id())
                        .param("q", "xylofrost")
                        .param("pos", "1"))
                .andExpect(result ->
                        assertThat(result.getResponse().getRedirectedUrl()).isNotEqualTo("/articles/" + slug));

        // the knowledge panel of a case, and linking the article to it
        String reference = cases.open(
                        new NewRequest(
                                "Xylofrost sensor shows minus forty",
                                "Since yesterday my xylofrost sensor says minus forty degrees.",
                                "customer.kcs@example.org",
                                "Customer Kcs",
                                null,
                                null),
                        Optional.empty())
                .reference();
        assertThat(page(get("/agent/cases/" + reference), agent))
                .contains("Xylofrost sensors report minus forty")
                .contains("Not validated");
        mvc.perform(post("/agent/cases/" + reference + "/links")
                        .param("key", "article:" + draftOf(slug).id())
                        .param("title", "Xylofrost sensors report minus forty")
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().is3xxRedirection());
        assertThat(cases.caseForAgent(reference).orElseThrow().links())
                .extracting(link -> link.url())
                .containsExactly("/articles/" + slug);
        // reuse puts it before older drafts nobody linked in the editors' queue
        String queue = page(get("/editor/review"), editor);
        assertThat(queue).contains("Xylofrost sensors report minus forty").contains("Umbrite filter notes");
        assertThat(queue.indexOf("Xylofrost sensors report minus forty"))
                .isLessThan(queue.indexOf("Umbrite filter notes"));
        assertThat(articles.draft(older).orElseThrow().modifiedAt())
                .isBefore(draftOf(slug).modifiedAt());

        // validating updates the document: public now, no label
        mvc.perform(post("/editor/articles/" + slug + "/approve")
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(editor))))
                .andExpect(status().is3xxRedirection());
        await(() -> hit(false, "xylofrost").isPresent(), "the validated article in public search");
        assertThat(hit(true, "xylofrost").orElseThrow().notValidated()).isFalse();
        assertThat(anonymous(get("/articles/" + slug))).doesNotContain("Not validated");

        // archiving removes it for everyone
        mvc.perform(post("/editor/articles/" + slug + "/archive")
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(editor))))
                .andExpect(status().is3xxRedirection());
        await(() -> hit(true, "xylofrost").isEmpty(), "the archived article out of the index");
        mvc.perform(get("/articles/" + slug).with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().isNotFound());
    }

    @Test
    void workInProgressStaysWithItsAuthorAndSendingBackTakesAnArticleOutOfTheIndex() throws Exception {
        UserAccount agent = testAccounts.account("agent.wip@answerloop.test", "Agent Wip", Role.AGENT);
        UserAccount editor = testAccounts.account("editor.wip@answerloop.test", "Editor Wip", Role.EDITOR);
        String wip = articles.createDraft(
                new NewArticle("Glimmerwick notes", null, "Glimmerwick setup notes, still rough.\n", null, null, null),
                agent.email(),
                false);
        String submitted = articles.createDraft(
                new NewArticle(
                        "Quillberry import fails", null, "Quillberry import fails on large files.\n", null, null, null),
                agent.email(),
                true);
        await(() -> hit(true, "quillberry").isPresent(), "the submitted article in the agents' index");
        assertThat(hit(true, "glimmerwick")).isEmpty();
        mvc.perform(get("/articles/" + wip).with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/articles/" + wip).with(authentication(testAccounts.signedIn(editor))))
                .andExpect(status().isNotFound());

        mvc.perform(post("/editor/articles/" + submitted + "/send-back")
                        .param("comment", "Add the cause, please.")
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(editor))))
                .andExpect(status().is3xxRedirection());
        await(() -> hit(true, "quillberry").isEmpty(), "the sent back article out of the index");
        mvc.perform(get("/articles/" + submitted).with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().isNotFound());

        // submitted again: back in the agents' index, with the revised text
        mvc.perform(post("/agent/articles/" + submitted)
                        .param("title", "Quillberry import fails")
                        .param("body", "Quillberry import fails on large files; split them below 2 GB.\n")
                        .param("action", "submit")
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().is3xxRedirection());
        await(
                () -> hit(true, "quillberry")
                        .map(h -> h.snippetHtml().contains("2 GB"))
                        .orElse(false),
                "the revised article back in the agents' index");
    }

    private Optional<SearchHit> hit(boolean seesInternal, String word) {
        return search.search(SearchQuery.of(word), seesInternal).hits().stream().findFirst();
    }

    private ArticleDraft draftOf(String slug) {
        return articles.draft(slug).orElseThrow();
    }

    private String anonymous(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }
}
