package com.answerloop.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.accounts.Role;
import com.answerloop.accounts.UserAccount;
import com.answerloop.cases.CasesIntegrationTest;
import com.answerloop.search.SearchQuery;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * "Related articles" on an article page come from search: an article on the same problem is listed although it
 * shares no word of the title, no tag and no category; an internal one only for staff.
 */
class RelatedArticlesIT extends CasesIntegrationTest {

    private static final String PRINTER = "Printer prints blank pages";
    private static final String SAME_PROBLEM = "Sheets come out empty from the laser device";
    private static final String INTERNAL = "Printer repairs for agents: blank pages";

    @Autowired
    ArticleManagement articles;

    private UserAccount agent;
    // published once for the class (the context, and so the articles, outlive each test instance)
    private static String printer;
    private static String sameProblem;

    @BeforeEach
    void publishArticles() {
        agent = testAccounts.account("agent.related@answerloop.test", "Agent Related", Role.AGENT);
        if (printer != null) {
            return;
        }
        printer = published(new NewArticle(
                PRINTER,
                null,
                "If every page comes out empty, replace the toner cartridge and clean the drum.\n",
                List.of("printing"),
                Visibility.PUBLIC,
                "using-the-help-center/contacting-support"));
        sameProblem = published(new NewArticle(
                SAME_PROBLEM,
                null,
                "Paper without any text usually means the toner has run out.\n",
                List.of("hardware"),
                Visibility.PUBLIC,
                "operators/troubleshooting"));
        published(new NewArticle(
                INTERNAL,
                null,
                "Send printers that print blank pages to the repair partner.\n",
                List.of("repairs"),
                Visibility.INTERNAL,
                "agents-and-editors"));
        for (String title : List.of(PRINTER, SAME_PROBLEM, INTERNAL)) {
            await(
                    () -> search.search(SearchQuery.of(title), true).hits().stream()
                            .anyMatch(hit -> hit.title().equals(title)),
                    "\"" + title + "\" in the index");
        }
    }

    @Test
    void anArticleOnTheSameProblemIsRelatedThoughItSharesNoTitleWordTagOrCategory() throws Exception {
        assertThat(related(get("/articles/" + printer))).contains(SAME_PROBLEM).doesNotContain(PRINTER);
    }

    @Test
    void anInternalArticleIsRelatedForStaffOnly() throws Exception {
        assertThat(related(get("/articles/" + printer))).doesNotContain(INTERNAL);
        assertThat(related(get("/articles/" + printer).with(authentication(testAccounts.signedIn(agent)))))
                .contains(INTERNAL, SAME_PROBLEM);
        assertThat(related(get("/articles/" + sameProblem))).doesNotContain(INTERNAL);
    }

    private String published(NewArticle article) {
        String slug = articles.createDraft(article, agent.email(), true);
        articles.approve(slug);
        return slug;
    }

    /** The text of the page's "Related articles" section, or "" when it has none. */
    private String related(MockHttpServletRequestBuilder request) throws Exception {
        String html = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int start = html.indexOf("id=\"related-title\"");
        if (start < 0) {
            return "";
        }
        return html.substring(start, html.indexOf("</section>", start))
                .replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
    }
}
