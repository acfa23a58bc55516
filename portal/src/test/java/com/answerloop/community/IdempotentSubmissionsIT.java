package com.answerloop.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A submission whose reply was lost is retried by the person (or the client) and stored once (issue 16, B4): every
 * post form carries a fresh idempotency token, the API takes an {@code Idempotency-Key} header, and a retry gets the
 * first response again. The keys are kept in the database, so a retry that reaches another node is recognised too.
 */
class IdempotentSubmissionsIT extends CommunityTestSupport {

    private static final Pattern TOKEN = Pattern.compile("name=\"_idempotency\" value=\"([^\"]+)\"");

    @Test
    void theSameAskFormSentTwiceStoresOneQuestionAndRedirectsBothToIt() throws Exception {
        Member asker = member("Double Clicker", 30);
        String form = mvc.perform(get("/community/ask").with(as(asker)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher token = TOKEN.matcher(form);
        assertThat(token.find()).as("the ask form carries an idempotency token").isTrue();
        String title = "Why does my export stop at 500 rows? " + System.nanoTime();

        MockHttpServletResponse first = askWithToken(asker, title, token.group(1));
        MockHttpServletResponse retry = askWithToken(asker, title, token.group(1));

        assertThat(first.getStatus()).isEqualTo(302);
        assertThat(retry.getStatus()).isEqualTo(302);
        assertThat(retry.getRedirectedUrl()).isEqualTo(first.getRedirectedUrl());
        assertThat(retry.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(threadsTitled(title)).as("questions stored").isEqualTo(1);
    }

    @Test
    void aSearchFormCarriesNoTokenSoSearchAddressesStayCleanWhileThePostFormsOfThePageHaveOne() throws Exception {
        Member reader = member("Clean Searcher", 30);
        String page = mvc.perform(get("/community/ask").with(as(reader)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String searchForm = page.substring(page.indexOf("<form class=\"header-search\""));
        searchForm = searchForm.substring(0, searchForm.indexOf("</form>"));

        assertThat(searchForm)
                .contains("method=\"get\"")
                .doesNotContain("_idempotency")
                .doesNotContain("_csrf");
        assertThat(TOKEN.matcher(page).find())
                .as("the ask form and sign-out still carry one")
                .isTrue();
    }

    @Test
    void aFormShownAgainGetsANewTokenSoTheCorrectedSubmissionIsStored() throws Exception {
        Member asker = member("Corrector", 30);
        String title = "How do I rename a workspace? " + System.nanoTime();
        String again = mvc.perform(post("/community/ask")
                        .with(as(asker))
                        .with(csrf())
                        .param("_idempotency", "form-rendering-1")
                        .param("topic", "general")
                        .param("title", title)
                        .param("body", "")
                        .param("action", "preview"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher token = TOKEN.matcher(again);
        assertThat(token.find()).isTrue();
        assertThat(token.group(1)).isNotEqualTo("form-rendering-1");

        assertThat(askWithToken(asker, title, token.group(1)).getStatus()).isEqualTo(302);
        assertThat(threadsTitled(title)).isEqualTo(1);
    }

    @Test
    void anApiRetryWithTheSameKeyGetsTheFirstResponseAndStoresOnce() throws Exception {
        Member asker = member("Api Retrier", 30);
        String title = "Can the API page through 10,000 threads? " + System.nanoTime();

        MockHttpServletResponse first = apiAsk(asker, "retry-" + title, title);
        MockHttpServletResponse retry = apiAsk(asker, "retry-" + title, title);

        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retry.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(retry.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(threadsTitled(title)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefusedWithAProblemDetail() throws Exception {
        Member asker = member("Key Reuser", 30);
        String title = "Where are the audit logs kept? " + System.nanoTime();
        String key = "reused-" + System.nanoTime();
        assertThat(apiAsk(asker, key, title).getStatus()).isEqualTo(201);

        MockHttpServletResponse reused = apiAsk(asker, key, title + " (edited)");

        assertThat(reused.getStatus()).isEqualTo(422);
        assertThat(reused.getContentType()).startsWith("application/problem+json");
        assertThat((String) JsonPath.read(reused.getContentAsString(), "$.type"))
                .endsWith("/idempotency-key-reused");
        assertThat(threadsTitled(title + " (edited)")).isZero();
    }

    @Test
    void twoClientsUsingTheSameKeyDoNotShareIt() throws Exception {
        Member one = member("Key Owner One", 30);
        Member two = member("Key Owner Two", 30);
        String title = "Is the same key shared between users? " + System.nanoTime();
        assertThat(apiAsk(one, "1", title).getStatus()).isEqualTo(201);
        assertThat(apiAsk(two, "1", title).getStatus()).isEqualTo(201);
        assertThat(threadsTitled(title)).isEqualTo(2);
    }

    @Test
    void concurrentSendsOfTheSameSubmissionStoreOnce() throws Exception {
        Member asker = member("Impatient Asker", 30);
        String title = "Why is the sync slow on Mondays? " + System.nanoTime();
        String key = "concurrent-" + System.nanoTime();
        Callable<MockHttpServletResponse> send = () -> apiAsk(asker, key, title);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<MockHttpServletResponse>> sent = pool.invokeAll(List.of(send, send, send, send));
            for (Future<MockHttpServletResponse> response : sent) {
                assertThat(response.get().getStatus()).isEqualTo(201);
            }
        }
        assertThat(threadsTitled(title)).isEqualTo(1);
    }

    private MockHttpServletResponse askWithToken(Member asker, String title, String token) throws Exception {
        return mvc.perform(post("/community/ask")
                        .with(as(asker))
                        .with(csrf())
                        .param("_idempotency", token)
                        .param("topic", "general")
                        .param("title", title)
                        .param("body", "The export of my report always ends after 500 rows." + LONG_ENOUGH)
                        .param("tags", ""))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletResponse apiAsk(Member asker, String key, String title) throws Exception {
        return mvc.perform(post("/api/v1/threads")
                        .with(as(asker))
                        .with(csrf())
                        .header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"topic":"general","title":"%s",
                                 "body":"I would like to know this before we roll it out to the team.%s"}""".formatted(title, LONG_ENOUGH)))
                .andReturn()
                .getResponse();
    }

    private int threadsTitled(String title) {
        Integer count =
                jdbc.queryForObject("select count(*) from community_threads where title = ?", Integer.class, title);
        return count == null ? 0 : count;
    }
}
