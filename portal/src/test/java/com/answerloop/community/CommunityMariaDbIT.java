package com.answerloop.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.support.Content;
import com.answerloop.support.MariaDb;
import com.answerloop.support.RequiresMariaDb;
import com.jayway.jsonpath.JsonPath;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The forum on a fresh MariaDB database (the {@code mysql} profile; Flyway runs the V4 migrations there): ask, answer,
 * vote, accept through the API, reputation from the ledger, two trusted flags hiding an answer, and the thread list,
 * checked through the API and the pages. Skipped without a server unless CI requires one ({@link RequiresMariaDb}).
 */
@RequiresMariaDb
@SpringBootTest(
        properties = {
            "answerloop.community.post-interval=0s",
            "answerloop.accounts.admin-email=admin@community-mariadb.test",
            "answerloop.accounts.admin-password=mariadb admin passphrase",
        })
@AutoConfigureMockMvc
@ActiveProfiles("mysql")
class CommunityMariaDbIT {

    // Not a JUnit @TempDir: the cached Spring context outlives the class and keeps writing its search index here, so
    // deleting the folder when the class ends failed now and then.
    static final Path dataDir = Content.temporaryDirectory("answerloop-community-mariadb");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        MariaDb.register(registry, "answerloop_community_it");
        registry.add("answerloop.data-dir", () -> dataDir.toString());
        registry.add("answerloop.content-dir", () -> dataDir.resolve("content").toString());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    ThreadManagement threads;

    @Test
    void askAnswerVoteAcceptFlagAndListOnMariaDb() throws Exception {
        String asker = account("asker@mariadb.test", "Maria Asker", 0);
        String answerer = account("answerer@mariadb.test", "Maria Answerer", 0);
        String spammer = account("spammer@mariadb.test", "Maria Spammer", 0);
        String voter = account("voter@mariadb.test", "Maria Voter", 150);
        String flagger = account("flagger@mariadb.test", "Maria Flagger", 150);

        String asked = mvc.perform(post("/api/v1/threads")
                        .with(as(asker))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"topic":"general","title":"Does the forum run on MariaDB?",
                                 "body":"I want to know whether everything works on **MariaDB** too.",
                                 "tags":["mariadb","setup"]}"""))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long threadId = ((Number) JsonPath.read(asked, "$.threadId")).longValue();
        long answerId = postAnswer(answerer, threadId, "Yes: every migration runs on MariaDB 10.11 and newer.");
        long spamId = postAnswer(spammer, threadId, "Cheap watches for sale in our lovely shop, come and see!");

        mvc.perform(post("/api/v1/posts/{id}/votes", answerId)
                        .with(as(voter))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"value\":\"up\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.score").value(1));
        mvc.perform(post("/api/v1/threads/{id}/accept", threadId)
                        .with(as(asker))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answerId\":" + answerId + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.acceptedAnswerId").value(answerId));
        assertThat(threads.reputationOf(id(answerer))).isEqualTo(Reputation.ANSWER_UPVOTE + Reputation.ACCEPTED);
        assertThat(threads.reputationOf(id(asker))).isEqualTo(Reputation.ACCEPTER);

        for (String who : new String[] {voter, flagger}) {
            mvc.perform(post("/community/posts/{id}/flag", spamId)
                            .with(as(who))
                            .with(csrf())
                            .param("reason", "SPAM"))
                    .andExpect(status().is3xxRedirection());
        }

        mvc.perform(get("/api/v1/threads/{id}", threadId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answers.length()").value(1))
                .andExpect(jsonPath("$.answers[0].id").value(answerId))
                .andExpect(jsonPath("$.answers[0].accepted").value(true))
                .andExpect(jsonPath("$.answers[0].score").value(1));
        mvc.perform(get("/api/v1/threads").param("tag", "mariadb"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].title").value("Does the forum run on MariaDB?"))
                .andExpect(jsonPath("$.items[0].answerCount").value(1))
                .andExpect(jsonPath("$.items[0].hasAcceptedAnswer").value(true));
        mvc.perform(get("/community/topics/general"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Does the forum run on MariaDB?")));
        mvc.perform(get("/community/leaderboard").param("period", "all"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Maria Answerer")));
        mvc.perform(get("/moderation/community").with(as(account("mod@mariadb.test", "Maria Mod", 0, "MODERATOR"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Cheap watches for sale")));
    }

    private long postAnswer(String email, long threadId, String body) throws Exception {
        String answered = mvc.perform(post("/api/v1/threads/{id}/answers", threadId)
                        .with(as(email))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"" + body + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(answered, "$.postId")).longValue();
    }

    private String account(String email, String name, int reputation, String... roles) {
        long id = CommunitySeeds.account(jdbc, email, name, "{noop}unused", 30, roles);
        if (reputation > 0) {
            CommunitySeeds.grantReputation(jdbc, id, reputation);
        }
        return email;
    }

    private long id(String email) {
        return jdbc.queryForObject("select id from accounts where email = ?", Long.class, email);
    }

    private RequestPostProcessor as(String email) {
        return user(userDetails.loadUserByUsername(email));
    }
}
