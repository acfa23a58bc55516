package com.answerloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.support.PortalClient;
import com.answerloop.support.PortalProcess;
import com.answerloop.support.PrivateMariaDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB is killed under a portal that is taking writes, then started again (issue 16, B1): the portal enters
 * read-only mode by itself, keeps serving article pages and search with a banner on every page, refuses writes at once
 * (503, {@code Retry-After}, a page message or a problem detail), shows the mode in health, and leaves it by itself
 * when the database is back. No write it acknowledged (201) is lost.
 */
class ReadOnlyModeIT {

    private static final int WRITERS = 3;

    @TempDir
    Path temp;

    @Test
    void whileTheDatabaseIsDownArticlesAndSearchServeWithABannerAndWritesAreRefused() throws Exception {
        Assumptions.assumeTrue(PrivateMariaDb.available(), "mariadbd is not installed: the read-only test is skipped");
        Path content = Files.createDirectories(temp.resolve("content"));
        String shared = CrashScenarios.uniqueWord();
        List<String> words = CrashScenarios.writeArticles(content, 4, shared);
        Map<String, String> environment = new HashMap<>();
        try (PrivateMariaDb database = PrivateMariaDb.start(Files.createDirectories(temp.resolve("mariadb")))) {
            environment.putAll(database.database("answerloop"));
            // the writers below post far more than a person would; the posting limits are not what is tested here
            environment.put("ANSWERLOOP_RATE_LIMITS_ENABLED", "false");
            // copies of the popular articles are made 1 s after start instead of 30 s
            environment.put("ANSWERLOOP_CONTENT_READONLYCOPIESAFTER", "1s");
            // copies of three: connectors 1 to 3 (by title, as none was rated), so connector 4 has no copy at all
            environment.put("ANSWERLOOP_CONTENT_READONLYCOPIES", "3");
            try (PortalProcess portal = new PortalProcess(temp.resolve("data"), content, environment)) {
                portal.start();
                PortalClient reader = portal.anonymous();
                String article = articleUrl(reader, words.getFirst());
                String neverRead = articleUrl(reader, words.get(2));
                String noCopy = articleUrl(reader, words.get(3));
                assertThat(reader.get(article).status()).isEqualTo(200);
                PortalClient admin = portal.signInAsAdmin();
                assertThat(admin.get(article).status()).isEqualTo(200);

                Load load = new Load(portal);
                load.start();
                Thread.sleep(1500);
                database.kill();
                long killed = System.nanoTime();
                assertThat(PortalProcess.within(Duration.ofSeconds(10), () -> inReadOnlyMode(reader)))
                        .as("health shows read-only mode after the database was killed")
                        .isTrue();
                Duration detected = Duration.ofNanos(System.nanoTime() - killed);

                PortalClient.Response page = reader.get(article);
                assertThat(page.status())
                        .as("an article page in read-only mode")
                        .isEqualTo(200);
                assertThat(page.body()).contains(words.getFirst()).contains("data-test=\"read-only-banner\"");
                assertThat(admin.get(article).body())
                        .as("a signed-in reader's article page")
                        .contains("data-test=\"read-only-banner\"");
                assertThat(reader.get(neverRead).body())
                        .as("an article nobody read since the start, from the copies of popular articles")
                        .contains(words.get(2))
                        .contains("data-test=\"read-only-banner\"");
                PortalClient.Response fromFile = reader.get(noCopy);
                assertThat(fromFile.status())
                        .as("an article with no copy kept, rendered from its kb-content file")
                        .isEqualTo(200);
                assertThat(fromFile.body())
                        .contains("Set up connector 4 (" + words.get(3) + ")")
                        .contains("paste your key")
                        .contains("data-test=\"read-only-banner\"");
                PortalClient.Response search = reader.get("/search?q=" + words.get(1));
                assertThat(search.status())
                        .as("the search page in read-only mode")
                        .isEqualTo(200);
                assertThat(search.body()).contains(words.get(1)).contains("data-test=\"read-only-banner\"");
                assertThat(reader.get("/api/v1/search?q=" + shared).<Integer>json("$.total"))
                        .as("the search API in read-only mode")
                        .isEqualTo(4);

                long start = System.nanoTime();
                PortalClient.Response feedback = reader.form(article + "/feedback", Map.of("helpful", "yes"));
                Duration feedbackTook = Duration.ofNanos(System.nanoTime() - start);
                assertThat(feedback.status())
                        .as("a form post in read-only mode")
                        .isEqualTo(503);
                assertThat(feedback.raw().headers().firstValue("Retry-After")).isPresent();
                assertThat(feedback.body()).contains("read-only").contains("Nothing was saved");
                assertThat(feedbackTook).as("the refusal answered at once").isLessThan(Duration.ofSeconds(1));
                PortalClient.Response post = admin.postJson("/api/v1/threads", question(CrashScenarios.uniqueWord()));
                assertThat(post.status()).as("an API write in read-only mode").isEqualTo(503);
                assertThat(post.raw().headers().firstValue("Retry-After")).isPresent();
                assertThat(post.raw().headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json");
                assertThat(post.<String>json("$.type")).endsWith("/read-only");
                PortalClient.Response threads = reader.get("/community");
                assertThat(threads.status())
                        .as("a page that needs the database")
                        .isEqualTo(503);
                assertThat(threads.body()).contains("data-test=\"read-only-banner\"");

                Thread.sleep(3000);
                database.restart();
                long restarted = System.nanoTime();
                assertThat(PortalProcess.within(Duration.ofSeconds(30), () -> !inReadOnlyMode(reader)))
                        .as("the portal leaves read-only mode by itself once the database is back")
                        .isTrue();
                assertThat(PortalProcess.within(Duration.ofSeconds(30), () -> load.acknowledgedSince(restarted)))
                        .as("writes are accepted again")
                        .isTrue();
                Duration recovered = Duration.ofNanos(System.nanoTime() - restarted);
                load.stop();
                assertThat(reader.get(article).body()).doesNotContain("data-test=\"read-only-banner\"");
                assertThat(reader.get("/community").status()).isEqualTo(200);

                List<CrashScenarios.Acknowledged> acknowledged = load.acknowledged();
                assertThat(CrashScenarios.missingFromDatabase(reader, acknowledged))
                        .as("acknowledged questions missing after the database restart")
                        .isEmpty();
                CrashScenarios.awaitSearchable(portal, acknowledged, Duration.ofSeconds(60));
                System.out.printf(
                        "read-only mode: detected %d ms after the kill, left %d ms after the restart; writers saw %s%n",
                        detected.toMillis(), recovered.toMillis(), load.statuses());
                CrashScenarios.report(
                        "MariaDB killed and restarted under writes",
                        acknowledged.size(),
                        0,
                        acknowledged.size(),
                        recovered);
            }
        }
    }

    private static boolean inReadOnlyMode(PortalClient reader) {
        return reader.get("/actuator/health").body().contains("\"readOnlyMode\":{\"status\":\"OUT_OF_SERVICE\"");
    }

    private static String articleUrl(PortalClient reader, String word) {
        assertThat(PortalProcess.within(
                        Duration.ofSeconds(60),
                        () -> reader.get("/api/v1/search?q=" + word).<Integer>json("$.total") == 1))
                .isTrue();
        return reader.get("/api/v1/search?q=" + word).json("$.hits[0].url");
    }

    private static String question(String word) {
        return """
                {"topic":"general","title":"How do I set up the %s connector?",
                 "body":"I installed the %s connector yesterday and the sync never starts. What am I missing?",
                 "tags":["sync"]}""".formatted(word, word);
    }

    /** Signed-in writers posting questions back to back, remembering which were acknowledged and every status. */
    private static final class Load {

        private final List<PortalClient> writers = new ArrayList<>();
        private final List<CrashScenarios.Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
        private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private volatile long lastAcknowledged;

        Load(PortalProcess portal) {
            for (int i = 0; i < WRITERS; i++) {
                writers.add(portal.signInAsAdmin());
            }
        }

        void start() {
            for (PortalClient writer : writers) {
                threads.add(Thread.ofVirtual().start(() -> {
                    while (running.get()) {
                        String word = CrashScenarios.uniqueWord();
                        try {
                            PortalClient.Response response = writer.postJson("/api/v1/threads", question(word));
                            statuses.merge(response.status(), 1, Integer::sum);
                            if (response.status() == 201) {
                                acknowledged.add(new CrashScenarios.Acknowledged(
                                        ((Number) response.json("$.threadId")).longValue(), word));
                                lastAcknowledged = System.nanoTime();
                            } else {
                                Thread.sleep(200);
                            }
                        } catch (RuntimeException e) {
                            statuses.merge(-1, 1, Integer::sum);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
        }

        boolean acknowledgedSince(long nanos) {
            return lastAcknowledged > nanos;
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(70));
            }
        }

        List<CrashScenarios.Acknowledged> acknowledged() {
            return List.copyOf(acknowledged);
        }

        Map<Integer, Integer> statuses() {
            return Map.copyOf(statuses);
        }
    }
}
