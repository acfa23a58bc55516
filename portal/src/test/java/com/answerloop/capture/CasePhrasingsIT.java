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
import com.answerloop.search.SearchHit;
import com.answerloop.search.SearchQuery;
import com.answerloop.support.BackgroundWork;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Search learns from the agents' half of the loop: the subject of cases an article solved becomes a way search finds
 * that article, once three different cases gave it; a subject with the customer's name in it never does; an editor
 * sees the phrasings on the article and removes one for good.
 */
class CasePhrasingsIT extends CasesIntegrationTest {

    /** The customers' own name for a part of the product: no article says it. */
    private static final String SUBJECT = "Wobblebox lamp keeps blinking";

    @Autowired
    TestCases cases;

    @Autowired
    @Qualifier("applicationTaskExecutor")
    ThreadPoolTaskExecutor listenerThreads;

    private UserAccount agent;
    private UserAccount editor;
    private SearchHit article;

    @BeforeEach
    void staffAndArticle() {
        agent = testAccounts.account("agent.phrasings@answerloop.test", "Agent Phrasings", Role.AGENT);
        editor = testAccounts.account("editor.phrasings@answerloop.test", "Editor Phrasings", Role.EDITOR);
        // the shipped articles reach the index one by one after the import
        await(() -> trackYourRequests() != null, "the article \"Track your requests\" in the index");
        article = trackYourRequests();
    }

    @Test
    void aSubjectThreeCasesSharedFindsTheArticleTheyWereSolvedWith() throws Exception {
        assertThat(firstHit(SUBJECT))
                .as("before: nothing ties these words to the article")
                .isNotEqualTo(article.key());

        caseLinkedToArticle(SUBJECT, "Customer One");
        caseLinkedToArticle(SUBJECT.toLowerCase(), "Customer Two");
        assertThat(learned()).as("two cases are not yet a pattern").doesNotContain(SUBJECT.toLowerCase());

        caseLinkedToArticle(SUBJECT + "  ", "Customer Three");
        assertThat(learned()).as("the third case teaches it").contains(SUBJECT.toLowerCase());
        await(() -> article.key().equals(firstHit(SUBJECT)), "the article to be found by the learned phrasing");

        String editorPage = page(get("/editor/articles/" + article.slug()), editor);
        assertThat(editorPage).contains("How people ask for it").contains(SUBJECT.toLowerCase());

        mvc.perform(post("/editor/articles/" + article.slug() + "/phrasings/remove")
                        .param("phrasing", SUBJECT.toLowerCase())
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/editor/articles/" + article.slug() + "/phrasings/remove")
                        .param("phrasing", SUBJECT.toLowerCase())
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(editor))))
                .andExpect(status().is3xxRedirection());
        assertThat(learned()).doesNotContain(SUBJECT.toLowerCase());
        await(() -> !article.key().equals(firstHit(SUBJECT)), "the removal to reach the index");

        caseLinkedToArticle(SUBJECT, "Customer Four");
        caseLinkedToArticle(SUBJECT, "Customer Five");
        caseLinkedToArticle(SUBJECT, "Customer Six");
        assertThat(learned()).as("a removed phrasing is not learned again").doesNotContain(SUBJECT.toLowerCase());
    }

    @Test
    void aSubjectNamingTheCustomerIsNeverLearned() throws Exception {
        for (String customer : List.of("Ingrid Halvorsen", "Ingrid Halvorsen", "Ingrid Halvorsen")) {
            caseLinkedToArticle(customer + " cannot see her requests", customer);
        }
        for (String address : List.of("a@example.org", "b@example.org", "c@example.org")) {
            caseLinkedToArticle("requests missing for " + address, "Someone Else");
        }
        assertThat(learned()).noneMatch(p -> p.contains("ingrid") || p.contains("example.org") || p.contains("["));
    }

    private void caseLinkedToArticle(String subject, String customerName) throws Exception {
        String email = customerName.toLowerCase().replace(' ', '.') + "." + System.nanoTime() + "@example.org";
        String reference = cases.open(
                        new NewRequest(subject, "It started this morning.", email, customerName, null, null),
                        Optional.empty())
                .reference();
        mvc.perform(post("/agent/cases/" + reference + "/links")
                        .param("key", article.key())
                        .param("title", article.title())
                        .with(csrf())
                        .with(authentication(testAccounts.signedIn(agent))))
                .andExpect(status().is3xxRedirection());
    }

    /**
     * The phrasings that count for the article once every link so far was heard: the evidence is recorded by a
     * listener after each link commits, so "not learned" is only true once the listeners are idle.
     */
    private List<String> learned() {
        BackgroundWork.awaitIdle(listenerThreads);
        return search.learnedPhrasings(article.id()).stream()
                .map(learned -> learned.phrasing())
                .toList();
    }

    private SearchHit trackYourRequests() {
        return search.search(SearchQuery.of("track your requests"), false).hits().stream()
                .filter(hit -> hit.slug().equals("track-your-requests"))
                .findFirst()
                .orElse(null);
    }

    private String firstHit(String query) {
        List<SearchHit> hits = search.search(SearchQuery.of(query), false).hits();
        return hits.isEmpty() ? "" : hits.getFirst().key();
    }
}
