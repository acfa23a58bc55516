package com.answerloop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.support.Content;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Typeahead and the search reports never show one visitor's search to anyone else: a past query is offered only when
 * several distinct visitors searched it, it found results that were opened, and it holds no personal data; the
 * administrators' reports list only queries of several visitors, with personal data masked.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TypeaheadPrivacyIT {

    static final String PRIVATE_QUERY = "password for jane.doe@brightside.example ACCT-99812345";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory("typeahead-privacy");
        registry.add("answerloop.data-dir", data::toString);
        registry.add(
                "answerloop.content-dir", () -> Content.shippedKnowledgeBase().toString());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    SearchManagement search;

    @Autowired
    SearchTracking tracking;

    @Autowired
    PopularQueries popular;

    @BeforeEach
    void indexBuilt() {
        await().atMost(Duration.ofSeconds(60)).until(() -> !search.isRebuilding() && search.documentCount() > 10);
    }

    @Test
    void oneVisitorsSearchIsNeverSuggestedNorListed() throws Exception {
        searchAndOpenFirstResult(PRIVATE_QUERY, "203.0.113.7");
        searchAndOpenFirstResult(PRIVATE_QUERY, "203.0.113.7");
        searchAndOpenFirstResult("my password is hunter2secret", "203.0.113.7");
        refresh();

        assertThat(suggestions("pass")).doesNotContain("jane.doe", "ACCT-99812345", "password for");
        assertThat(suggestions("my")).doesNotContain("hunter2secret");
        assertThat(adminReport()).doesNotContain("jane.doe", "ACCT-99812345", "hunter2secret");
    }

    @Test
    void aQueryOfSeveralVisitorsThatFoundAnswersIsSuggested() throws Exception {
        for (String visitor : new String[] {"198.51.100.1", "198.51.100.2", "198.51.100.3"}) {
            searchAndOpenFirstResult("reset password link", visitor);
        }
        searchAndOpenFirstResult("reset password email", "198.51.100.1");
        searchAndOpenFirstResult("reset password email", "198.51.100.2");
        refresh();

        assertThat(suggestions("reset pass"))
                .as("three visitors, results opened")
                .contains("\"text\":\"reset password link\"")
                .as("only two visitors")
                .doesNotContain("reset password email");
        assertThat(adminReport()).contains("reset password link").doesNotContain("reset password email");
    }

    @Test
    void personalDataIsNeverSuggestedAndMaskedInReportsEvenWhenManyVisitorsSearchedIt() throws Exception {
        for (String visitor : new String[] {"192.0.2.1", "192.0.2.2", "192.0.2.3"}) {
            searchAndOpenFirstResult("password for bob@brightside.example", visitor);
        }
        refresh();

        assertThat(suggestions("password for")).doesNotContain("bob@brightside.example");
        assertThat(adminReport()).doesNotContain("bob@brightside.example").contains("password for [email removed]");
    }

    /** Searches as the given client address and opens the first result, as a reader would. */
    private void searchAndOpenFirstResult(String query, String address) throws Exception {
        String page = mvc.perform(from(address, get("/search").param("q", query)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher first =
                Pattern.compile("/search/click\\?id=([a-z]+(?::|%3A)\\d+)").matcher(page);
        assertThat(first.find()).as("results for " + query).isTrue();
        mvc.perform(from(
                        address,
                        get("/search/click")
                                .param("id", first.group(1).replace("%3A", ":"))
                                .param("q", query)
                                .param("pos", "1")))
                .andExpect(status().isSeeOther());
    }

    private static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    private void refresh() {
        tracking.flush();
        popular.refresh();
    }

    private String suggestions(String prefix) throws Exception {
        return mvc.perform(get("/api/v1/search/suggest").param("q", prefix))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String adminReport() throws Exception {
        return mvc.perform(get("/admin/search")
                        .param("days", "1")
                        .with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
