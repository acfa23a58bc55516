package com.answerloop.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The access-control table of every forum endpoint for anonymous visitors, the member who owns the target, another
 * member, a moderator and an administrator; and a CSRF check of every state-changing endpoint. Each cell runs on a
 * fresh thread (a question by one member, answered by another) so no cell depends on another.
 */
class CommunityAccessIT extends CommunityTestSupport {

    enum Who {
        ANONYMOUS,
        OWNER,
        OTHER_MEMBER,
        MODERATOR,
        ADMIN
    }

    /** What a visitor gets: allowed, sent to sign in (302 to /login, or 401 for the API), or refused with 403. */
    enum Outcome {
        ALLOWED,
        SIGN_IN,
        FORBIDDEN
    }

    /** The target of one cell: a thread, its question, an answer and the answerer's comment on the question. */
    /** The topic the follow row follows is one nobody asks in: following General would mail every role about every
     * question the other classes in this shared context ask there, a backlog the mail tests then wait out. */
    record Fixture(
            long threadId, long questionId, long answerId, long commentId, String threadUrl, String quietTopic) {}

    private static String quietTopic;

    /**
     * One row: the endpoint, whether its owner is the answer's author (else the asker), and the outcome per column in
     * the order of {@link Who}.
     */
    record Row(
            String name,
            boolean ownerIsAnswerer,
            Function<Fixture, MockHttpServletRequestBuilder> request,
            Outcome... outcomes) {}

    private static final Outcome A = Outcome.ALLOWED;
    private static final Outcome L = Outcome.SIGN_IN;
    private static final Outcome F = Outcome.FORBIDDEN;

    private static final String BODY = "An answer body that is long enough to be accepted.";

    static List<Row> table() {
        return List.of(
                // reading is public
                new Row("GET /community", false, f -> get("/community"), A, A, A, A, A),
                new Row("GET thread page", false, f -> get(f.threadUrl()), A, A, A, A, A),
                new Row("GET topic list", false, f -> get("/community/topics/general?sort=unanswered"), A, A, A, A, A),
                new Row("GET tag list", false, f -> get("/community/tags/setup?sort=votes"), A, A, A, A, A),
                new Row(
                        "GET revisions",
                        false,
                        f -> get("/community/posts/" + f.questionId() + "/revisions"),
                        A,
                        A,
                        A,
                        A,
                        A),
                new Row("GET leaderboard", false, f -> get("/community/leaderboard?period=all"), A, A, A, A, A),
                new Row("GET help", false, f -> get("/community/help"), A, A, A, A, A),
                new Row("GET ask form", false, f -> get("/community/ask"), A, A, A, A, A),
                new Row("GET similar", false, f -> get("/community/similar?title=password+reset"), A, A, A, A, A),
                new Row("GET api threads", false, f -> get("/api/v1/threads?sort=active"), A, A, A, A, A),
                new Row("GET api thread", false, f -> get("/api/v1/threads/" + f.threadId()), A, A, A, A, A),
                new Row("GET notifications", false, f -> get("/community/notifications"), L, A, A, A, A),
                // writing needs a member; some actions need ownership, a role or reputation
                new Row(
                        "POST ask",
                        false,
                        f -> post("/community/ask")
                                .param("topic", "general")
                                .param("title", "A question asked in the access table")
                                .param("body", BODY)
                                .param("tags", "access"),
                        L,
                        A,
                        A,
                        A,
                        A),
                new Row(
                        "POST answer",
                        false,
                        f -> post("/community/threads/" + f.threadId() + "/answers")
                                .param("body", BODY),
                        L,
                        A,
                        A,
                        A,
                        A),
                new Row(
                        "POST comment",
                        false,
                        f -> post("/community/posts/" + f.questionId() + "/comments")
                                .param("body", "A short comment."),
                        L,
                        A,
                        A,
                        A,
                        A),
                new Row(
                        "POST vote",
                        true,
                        f -> post("/community/posts/" + f.answerId() + "/vote").param("value", "up"),
                        L,
                        F,
                        A,
                        A,
                        A),
                new Row("POST accept", false, f -> post("/community/posts/" + f.answerId() + "/accept"), L, A, F, A, A),
                new Row(
                        "POST official",
                        true,
                        f -> post("/community/posts/" + f.answerId() + "/official"),
                        L,
                        F,
                        F,
                        F,
                        A),
                new Row(
                        "GET edit form",
                        false,
                        f -> get("/community/posts/" + f.questionId() + "/edit"),
                        L,
                        A,
                        F,
                        A,
                        A),
                new Row(
                        "POST edit",
                        false,
                        f -> post("/community/posts/" + f.questionId() + "/edit")
                                .param("title", "An edited title for the access table")
                                .param("body", BODY)
                                .param("tags", "edited"),
                        L,
                        A,
                        F,
                        A,
                        A),
                // the other member is new (no reputation), so may not flag yet
                new Row(
                        "POST flag",
                        true,
                        f -> post("/community/posts/" + f.answerId() + "/flag").param("reason", "SPAM"),
                        L,
                        F,
                        F,
                        A,
                        A),
                // comments: the owner here is the answerer, who commented on the question
                new Row(
                        "GET comment edit form",
                        true,
                        f -> get("/community/comments/" + f.commentId() + "/edit"),
                        L,
                        A,
                        F,
                        A,
                        A),
                new Row(
                        "POST comment edit",
                        true,
                        f -> post("/community/comments/" + f.commentId() + "/edit")
                                .param("body", "An edited comment."),
                        L,
                        A,
                        F,
                        A,
                        A),
                new Row(
                        "POST comment flag",
                        true,
                        f -> post("/community/comments/" + f.commentId() + "/flag")
                                .param("reason", "OFFENSIVE"),
                        L,
                        F,
                        F,
                        A,
                        A),
                new Row(
                        "POST hide comment",
                        true,
                        f -> post("/moderation/community/comments/" + f.commentId())
                                .param("action", "hide"),
                        L,
                        F,
                        F,
                        A,
                        A),
                new Row(
                        "POST follow thread",
                        false,
                        f -> post("/community/threads/" + f.threadId() + "/follow"),
                        L,
                        A,
                        A,
                        A,
                        A),
                new Row(
                        "POST follow topic",
                        false,
                        f -> post("/community/topics/" + f.quietTopic() + "/follow"),
                        L,
                        A,
                        A,
                        A,
                        A),
                new Row("POST notifications read", false, f -> post("/community/notifications/read"), L, A, A, A, A),
                new Row(
                        "POST notifications mail",
                        false,
                        f -> post("/community/notifications/mail").param("enabled", "true"),
                        L,
                        A,
                        A,
                        A,
                        A),
                new Row("POST preview", false, f -> post("/community/preview").param("body", "**hi**"), L, A, A, A, A),
                // moderation and administration
                new Row("GET moderation queue", false, f -> get("/moderation/community"), L, F, F, A, A),
                new Row("GET moderation log", false, f -> get("/moderation/community/log"), L, F, F, A, A),
                new Row(
                        "POST hide post",
                        true,
                        f -> post("/moderation/community/posts/" + f.answerId()).param("action", "hide"),
                        L,
                        F,
                        F,
                        A,
                        A),
                new Row(
                        "POST lock thread",
                        false,
                        f -> post("/moderation/community/threads/" + f.threadId())
                                .param("action", "lock"),
                        L,
                        F,
                        F,
                        A,
                        A),
                new Row("GET admin topics", false, f -> get("/admin/community/topics"), L, F, F, F, A),
                new Row(
                        "POST admin topic",
                        false,
                        f -> post("/admin/community/topics").param("title", "Topic " + System.nanoTime()),
                        L,
                        F,
                        F,
                        F,
                        A),
                // the API: same checks, problem details, 401 instead of a redirect
                new Row(
                        "POST api ask",
                        false,
                        f -> json(
                                post("/api/v1/threads"),
                                "{\"topic\":\"general\",\"title\":\"An API question for the access table\",\"body\":\""
                                        + BODY + "\",\"tags\":[\"api\"]}"),
                        L,
                        A,
                        A,
                        A,
                        A),
                new Row(
                        "POST api answer",
                        false,
                        f -> json(post("/api/v1/threads/" + f.threadId() + "/answers"), "{\"body\":\"" + BODY + "\"}"),
                        L,
                        A,
                        A,
                        A,
                        A),
                new Row(
                        "POST api vote",
                        true,
                        f -> json(post("/api/v1/posts/" + f.answerId() + "/votes"), "{\"value\":\"up\"}"),
                        L,
                        F,
                        A,
                        A,
                        A),
                new Row(
                        "POST api accept",
                        false,
                        f -> json(
                                post("/api/v1/threads/" + f.threadId() + "/accept"),
                                "{\"answerId\":" + f.answerId() + "}"),
                        L,
                        A,
                        F,
                        A,
                        A));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @TestFactory
    Stream<DynamicTest> everyForumEndpointAllowsExactlyTheExpectedVisitors() {
        Member asker = member("Table Asker", 30);
        Member answerer = member("Table Answerer", 30);
        Member other = member("Table Other", 30);
        Member moderator = member("Table Moderator", 30, "MODERATOR");
        Member admin = member("Table Admin", 30, "ADMIN");
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : table()) {
            for (Who who : Who.values()) {
                Outcome expected = row.outcomes()[who.ordinal()];
                tests.add(DynamicTest.dynamicTest(row.name() + " as " + who + " -> " + expected, () -> {
                    Fixture fixture = fixture(asker, answerer);
                    Member member = switch (who) {
                        case ANONYMOUS -> null;
                        case OWNER -> row.ownerIsAnswerer() ? answerer : asker;
                        case OTHER_MEMBER -> other;
                        case MODERATOR -> moderator;
                        case ADMIN -> admin;
                    };
                    MockHttpServletRequestBuilder request =
                            row.request().apply(fixture).with(csrf());
                    if (member != null) {
                        request.with(as(member));
                    }
                    MockHttpServletResponse response =
                            mvc.perform(request).andReturn().getResponse();
                    assertThat(outcome(response))
                            .as(
                                    "%s as %s: status %d, location %s",
                                    row.name(), who, response.getStatus(), response.getRedirectedUrl())
                            .isEqualTo(expected);
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyStateChangeWithoutACsrfTokenIsRefused() {
        Member asker = member("Csrf Asker", 30);
        Member answerer = member("Csrf Answerer", 30);
        Member admin = member("Csrf Admin", 30, "ADMIN");
        return table().stream()
                .filter(row -> row.name().startsWith("POST"))
                .map(row -> DynamicTest.dynamicTest(row.name() + " without CSRF token", () -> {
                    Fixture fixture = fixture(asker, answerer);
                    // A session id makes the API behave as for a browser session, where CSRF applies.
                    MockHttpServletRequestBuilder request = row.request()
                            .apply(fixture)
                            .with(as(admin))
                            .with(r -> {
                                r.setRequestedSessionId("browser-session");
                                return r;
                            });
                    MockHttpServletResponse response =
                            mvc.perform(request).andReturn().getResponse();
                    assertThat(response.getStatus()).as(row.name()).isEqualTo(403);
                    // and with the token the same admin request goes through: the 403 was the missing token
                    MockHttpServletResponse allowed = mvc.perform(row.request()
                                    .apply(fixture(asker, answerer))
                                    .with(as(admin))
                                    .with(csrf()))
                            .andReturn()
                            .getResponse();
                    assertThat(outcome(allowed)).as(row.name() + " with token").isEqualTo(Outcome.ALLOWED);
                }));
    }

    private Fixture fixture(Member asker, Member answerer) {
        var thread = question(asker, "Access table question " + System.nanoTime());
        var answer = answer(answerer, thread.threadId(), "Access table answer");
        posting.comment(actor(answerer), thread.postId(), "Access table comment");
        long commentId = jdbc.queryForObject(
                "select max(id) from community_comments where post_id = ?", Long.class, thread.postId());
        if (quietTopic == null) {
            quietTopic = topicNobodyFollows("Access table follows");
        }
        return new Fixture(thread.threadId(), thread.postId(), answer.postId(), commentId, thread.url(), quietTopic);
    }

    private static Outcome outcome(MockHttpServletResponse response) {
        int status = response.getStatus();
        String location = response.getRedirectedUrl();
        if (status == 401 || (status == 302 && location != null && location.contains("/login"))) {
            return Outcome.SIGN_IN;
        }
        if (status == 403) {
            return Outcome.FORBIDDEN;
        }
        if (status >= 200 && status < 400) {
            return Outcome.ALLOWED;
        }
        throw new AssertionError("Unexpected status " + status + ": " + Map.of("location", String.valueOf(location)));
    }
}
