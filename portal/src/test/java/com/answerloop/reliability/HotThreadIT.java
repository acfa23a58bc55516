package com.answerloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.community.CommunitySeeds;
import com.answerloop.support.MariaDb;
import com.answerloop.support.PortalClient;
import com.answerloop.support.PortalProcess;
import com.answerloop.support.RequiresMariaDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Fifty members write to one thread at the same moment through HTTP, against MariaDB (issue 16, C1): a quarter answer
 * it, a quarter comment on its question, a quarter vote the question up and a quarter rate an article. Every write must be acknowledged (no 500 from
 * a deadlock or a lost optimistic lock) and every count must come out exact: answers, comments, the question's score,
 * the asker's reputation and the article's "helpful" count.
 */
@RequiresMariaDb
class HotThreadIT {

    static final int WRITERS = 50;
    static final String PASSWORD = "hot thread member password";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failure keeps the portal's log
    Path temp;

    @Test
    void fiftyConcurrentWritersOnOneThreadAllSucceedWithExactCounts() throws Exception {
        Map<String, Object> datasource = MariaDb.freshDatabase("answerloop_hot_thread");
        Path content = Files.createDirectories(temp.resolve("content"));
        CrashScenarios.writeArticles(content, 1, "hotthread");
        Map<String, String> environment = new java.util.LinkedHashMap<>(PortalProcess.mysqlProfile(datasource));
        environment.put("SPRING_APPLICATION_JSON", """
                {"answerloop":{"community":{"post-interval":"0s"},"rate-limits":{"enabled":false}}}""");
        try (PortalProcess portal = new PortalProcess(temp.resolve("data"), content, environment)) {
            portal.start();
            JdbcTemplate jdbc = jdbc(datasource);
            String slug = jdbc.queryForObject("select slug from articles", String.class);
            PortalClient admin = portal.signInAsAdmin();
            long threadId = CrashScenarios.askQuestions(admin, 1).getFirst().threadId();
            long questionId = jdbc.queryForObject(
                    "select id from community_posts where thread_id = ? and kind = 'QUESTION'", Long.class, threadId);
            long askerId = jdbc.queryForObject(
                    "select id from accounts where email = ?", Long.class, PortalProcess.ADMIN_EMAIL);
            long reputationBefore = reputation(jdbc, askerId);

            List<PortalClient> members = members(portal, jdbc);
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger acknowledged = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            long begun;
            try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
                for (int i = 0; i < WRITERS; i++) {
                    PortalClient member = members.get(i);
                    int kind = i % 4; // answers, comments, votes and ratings in equal parts, all at once
                    pool.submit(() -> {
                        start.await();
                        PortalClient.Response response = write(kind, member, threadId, questionId, slug);
                        if (response.status() >= 200 && response.status() < 400) {
                            acknowledged.incrementAndGet();
                        } else {
                            String body = response.body();
                            failures.add(response.status() + " " + body.substring(0, Math.min(300, body.length())));
                        }
                        return null;
                    });
                }
                begun = System.nanoTime();
                start.countDown();
                pool.shutdown();
                assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - begun);

            assertThat(failures).as("writes that failed").isEmpty();
            Map<String, Object> thread =
                    jdbc.queryForMap("select answer_count, score from community_threads where id = ?", threadId);
            assertThat(((Number) thread.get("answer_count")).intValue())
                    .as("answers shown in lists")
                    .isEqualTo(expected(0));
            assertThat(((Number) thread.get("score")).intValue())
                    .as("the thread's score")
                    .isEqualTo(expected(2));
            PortalClient reader = portal.anonymous();
            PortalClient.Response page = reader.get("/api/v1/threads/" + threadId);
            assertThat(page.<List<?>>json("$.answers"))
                    .as("answers on the thread")
                    .hasSize(expected(0));
            assertThat(jdbc.queryForObject("select score from community_posts where id = ?", Integer.class, questionId))
                    .as("the question's score")
                    .isEqualTo(expected(2));
            assertThat(jdbc.queryForObject(
                            "select count(*) from community_comments where post_id = ?", Integer.class, questionId))
                    .as("comments on the question")
                    .isEqualTo(expected(1));
            assertThat(reputation(jdbc, askerId) - reputationBefore)
                    .as("reputation the asker earned from the upvotes")
                    .isEqualTo(expected(2) * 5L);
            assertThat(jdbc.queryForObject("select helpful_yes from articles where slug = ?", Integer.class, slug))
                    .as("the article's helpful count")
                    .isEqualTo(expected(3));
            CrashScenarios.report("MariaDB: 50 concurrent writers, one thread", acknowledged.get(), 0, 0, took);
        }
    }

    /** How many writers do the write of this kind (writer i does kind i % 4). */
    private static int expected(int kind) {
        return (WRITERS - kind + 3) / 4;
    }

    /** One write of the four kinds: an answer, a comment on the question, an upvote on it, a rating of the article. */
    private static PortalClient.Response write(
            int kind, PortalClient member, long threadId, long questionId, String slug) {
        return switch (kind) {
            case 0 -> member.postJson("/api/v1/threads/" + threadId + "/answers", """
                    {"body":"Restart the sync service once the connector is saved, then it picks up the key."}""");
            case 1 ->
                member.form(
                        "/community/posts/" + questionId + "/comments",
                        Map.of("body", "Which version of the connector are you on?"));
            case 2 -> member.postJson("/api/v1/posts/" + questionId + "/votes", "{\"value\":\"up\"}");
            default -> member.form("/articles/" + slug + "/feedback", Map.of("helpful", "yes"));
        };
    }

    /** Members who joined a month ago, each signed in with a session of its own. */
    private static List<PortalClient> members(PortalProcess portal, JdbcTemplate jdbc) {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        List<PortalClient> members = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String email = "writer" + i + "@hot-thread.test";
            long id = CommunitySeeds.account(jdbc, email, "Writer " + i, hash, 30);
            CommunitySeeds.grantReputation(jdbc, id, 20);
            members.add(portal.signIn(email, PASSWORD));
        }
        return members;
    }

    private static long reputation(JdbcTemplate jdbc, long accountId) {
        return jdbc.queryForObject(
                "select coalesce(sum(points), 0) from community_reputation where account_id = ?",
                Long.class,
                accountId);
    }

    private static JdbcTemplate jdbc(Map<String, Object> datasource) {
        return new JdbcTemplate(new DriverManagerDataSource(
                datasource.get("spring.datasource.url").toString(),
                datasource.get("spring.datasource.username").toString(),
                datasource.get("spring.datasource.password").toString()));
    }
}
