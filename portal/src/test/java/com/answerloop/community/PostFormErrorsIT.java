package com.answerloop.community;

import static com.answerloop.support.FormMarkup.control;
import static com.answerloop.support.FormMarkup.errorText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A refused question or answer says which field to correct, beside that field and tied to it for screen readers, and
 * keeps what the member typed; the API names the field in its problem detail.
 */
class PostFormErrorsIT extends CommunityTestSupport {

    @Test
    void aTooShortTitleIsExplainedBesideTheTitleAndTheDetailsTypedAreKept() throws Exception {
        Member asker = member("Hasty Asker", 30);
        String body = "The export button greys out after I pick a date range." + LONG_ENOUGH;

        MockHttpServletResponse response = ask(asker, "Export?", body, "export");

        assertThat(response.getStatus()).isEqualTo(400);
        String page = response.getContentAsString();
        assertThat(control(page, "ask-title"))
                .contains("aria-invalid=\"true\"")
                .contains("aria-describedby=\"ask-title-error ask-title-help\"");
        assertThat(errorText(page, "ask-title-error")).isEqualTo("Write a title of at least 10 characters.");
        assertThat(control(page, "ask-body")).contains("aria-invalid=\"false\"");
        assertThat(page).doesNotContain("id=\"ask-body-error\"").contains(">" + body + "</textarea>");
    }

    @Test
    void badTagsAreExplainedBesideTheTagsField() throws Exception {
        Member asker = member("Tag Happy Asker", 30);

        MockHttpServletResponse response = ask(
                asker,
                "How do I export more than 500 rows?",
                "I need all of them for the audit." + LONG_ENOUGH,
                "a b c d e f");

        assertThat(response.getStatus()).isEqualTo(400);
        String page = response.getContentAsString();
        assertThat(control(page, "ask-tags")).contains("aria-invalid=\"true\"");
        assertThat(errorText(page, "ask-tags-error")).isEqualTo("Use at most 5 tags.");
        assertThat(control(page, "ask-title")).contains("aria-invalid=\"false\"");
    }

    @Test
    void aTooShortAnswerIsExplainedBesideItsTextWhichIsKept() throws Exception {
        Member asker = member("Answered Asker", 30);
        Member answerer = member("Terse Answerer", 30);
        long threadId = question(asker, "Why does the export stop at 500 rows?").threadId();

        MockHttpServletResponse response = mvc.perform(post("/community/threads/" + threadId + "/answers")
                        .with(as(answerer))
                        .with(csrf())
                        .param("body", "Use the API.")
                        .param("action", "post"))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        String page = response.getContentAsString();
        assertThat(control(page, "answer-body"))
                .contains("aria-invalid=\"true\"")
                .contains("aria-describedby=\"answer-body-error answer-help\"");
        assertThat(errorText(page, "answer-body-error")).isEqualTo("Write at least 20 characters.");
        assertThat(page).contains(">Use the API.</textarea>");
    }

    @Test
    void theApiNamesTheFieldToCorrectInItsProblemDetail() throws Exception {
        Member asker = member("Api Asker", 30);

        MockHttpServletResponse response = mvc.perform(post("/api/v1/threads")
                        .with(as(asker))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"topic":"general","title":"Export?","body":"I need all rows.%s"}""".formatted(LONG_ENOUGH)))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String json = response.getContentAsString();
        assertThat((String) JsonPath.read(json, "$.field")).isEqualTo("title");
        assertThat((String) JsonPath.read(json, "$.detail")).isEqualTo("Write a title of at least 10 characters.");
        assertThat((String) JsonPath.read(json, "$.type")).isNotEqualTo("about:blank");
    }

    private MockHttpServletResponse ask(Member asker, String title, String body, String tags) throws Exception {
        return mvc.perform(post("/community/ask")
                        .with(as(asker))
                        .with(csrf())
                        .param("topic", "general")
                        .param("title", title)
                        .param("body", body)
                        .param("tags", tags)
                        .param("action", "post"))
                .andReturn()
                .getResponse();
    }
}
