package com.answerloop.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/** The contact page: channels, suggestions with and without JavaScript, deflections, and submitting a request. */
class ContactPageIT extends CasesIntegrationTest {

    @Autowired
    TestCases cases;

    @Test
    void offersTheChannelsAndThePublishedResponseTarget() throws Exception {
        String html = mvc.perform(get("/contact")).andReturn().getResponse().getContentAsString();
        assertThat(html)
                .contains("Search the help center")
                .contains("href=\"/community\"")
                .contains("4 business hours")
                .contains("name=\"email\"");
    }

    @Test
    void suggestsArticlesAsJsonAndOnFindAnswersWithoutJavaScript() throws Exception {
        String json = mvc.perform(get("/contact/suggestions").param("q", "reset my password"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> urls = JsonPath.read(json, "$[*].url");
        assertThat(urls).isNotEmpty().allMatch(url -> url.startsWith("/"));

        String page = mvc.perform(post("/contact")
                        .param("action", "find")
                        .param("subject", "reset my password")
                        .param("description", "")
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String key = JsonPath.read(json, "$[0].key");
        assertThat(page)
                .as("each suggestion opens through the contact form, which counts it, then shows the answer")
                .containsAnyOf(
                        "/contact/suggestions/open?key=" + key,
                        "/contact/suggestions/open?key=" + key.replace(":", "%3A"))
                .contains("This answered my question");
        assertThat(mvc.perform(get("/contact/suggestions/open").param("key", key))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo(urls.getFirst());
    }

    @Test
    void thisAnsweredMyQuestionCountsADeflectionAndCreatesNoCase() throws Exception {
        String json = mvc.perform(get("/contact/suggestions").param("q", "password"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String key = JsonPath.read(json, "$[0].key");
        long deflectionsBefore = cases.deflectionCount();
        long casesBefore = cases.find("@").size();

        mvc.perform(post("/contact/answered").param("key", key).with(csrf())).andExpect(status().isOk());
        mvc.perform(post("/contact/answered").param("key", "article:999999").with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(cases.deflectionCount()).isEqualTo(deflectionsBefore + 1);
        assertThat(cases.find("@")).hasSize((int) casesBefore);
    }

    @Test
    void submittingShowsTheReferenceAndAttachesTheWordsSearchedInThisVisit() throws Exception {
        MvcResult searched =
                mvc.perform(get("/search").param("q", "invoice downlod broken")).andReturn();
        Cookie words = searched.getResponse().getCookie(RecentSearches.COOKIE);
        MvcResult typed = mvc.perform(get("/contact/suggestions")
                        .param("q", "cannot get my invoice")
                        .cookie(words))
                .andReturn();
        words = typed.getResponse().getCookie(RecentSearches.COOKIE);

        MvcResult submitted = mvc.perform(post("/contact")
                        .cookie(words)
                        .param("subject", "Invoice PDF missing")
                        .param("description", "The invoice for March is not in my account.")
                        .param("email", "eve@example.org")
                        .param("category", "Billing")
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(submitted.getResponse().getCookie(RecentSearches.COOKIE).getMaxAge())
                .as("the words are forgotten once they are in the request")
                .isZero();
        String sent = mvc.perform(get(submitted.getResponse().getRedirectedUrl()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String reference = sent.replaceAll("(?s).*class=\"case-reference\">(AL-\\d+)<.*", "$1");
        assertThat(reference).matches("AL-\\d+");

        CaseView view = cases.caseForAgent(reference).orElseThrow();
        assertThat(view.searchedWords()).contains("invoice downlod broken").contains("cannot get my invoice");
        assertThat(lastMailTo("eve@example.org")).contains(reference);
    }

    @Test
    void aRequestWithoutEmailIsShownAgainWithTheProblem() throws Exception {
        String page = mvc.perform(post("/contact")
                        .param("subject", "Help")
                        .param("description", "Something broke")
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("valid email address").contains("Something broke");
    }
}
