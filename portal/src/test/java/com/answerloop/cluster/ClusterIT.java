package com.answerloop.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.support.MariaDb;
import com.answerloop.support.PortalClient;
import com.answerloop.support.PortalProcess;
import com.answerloop.support.RequiresMariaDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * Two packaged portals in the cluster profile on one MariaDB database, with RabbitMQ carrying index changes and
 * Debian's HAProxy in front ({@link Balancer}): what a user and an operator of a two-node installation rely on.
 */
@RequiresMariaDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    /** The staleness bound docs/operations.md states: a change written on one node is searchable on all within it. */
    static final Duration PROPAGATION_BOUND = Duration.ofSeconds(5);

    /** Short, so that a stopped node's queue is gone within the test; a reader keeps a queue from expiring. */
    static final Duration QUEUE_EXPIRY = Duration.ofSeconds(8);

    private final String run = Long.toString(System.nanoTime(), 36);
    private PortalProcess a;
    private PortalProcess b;
    private Balancer balancer;
    private Path content;
    private Map<String, Object> database;
    private final List<String> shippedWords = new ArrayList<>();
    private String adminPassword = PortalProcess.ADMIN_PASSWORD;

    @BeforeAll
    void startTwoNodesAndTheBalancer(@TempDir Path temp) throws Exception {
        Assumptions.assumeTrue(
                MariaDb.isRequired() || brokerReachable(),
                "no RabbitMQ on 127.0.0.1:5672; the cluster test is skipped");
        database = MariaDb.freshDatabase("answerloop_cluster_it");
        content = Files.createDirectories(temp.resolve("content"));
        Path shipped = Files.createDirectories(content.resolve("shipped"));
        Files.writeString(shipped.resolve("_index.md"), "---\ntitle: Shipped\n---\n");
        for (int i = 1; i <= 3; i++) {
            String shippedWord = word();
            shippedWords.add(shippedWord);
            Files.writeString(shipped.resolve("shipped-" + i + ".md"), """
                    ---
                    title: Shipped article %d (%s)
                    summary: Part of the knowledge base both nodes start with.
                    ---

                    Both nodes find the %s article, imported once.
                    """.formatted(i, shippedWord, shippedWord));
        }
        a = new PortalProcess(temp.resolve("a"), content, node("it-a-" + run, database));
        b = new PortalProcess(temp.resolve("b"), content, node("it-b-" + run, database));
        // both at once, as an operator's machines would: the administrator, the schema and the shipped articles are
        // created once
        CompletableFuture<PortalProcess> startingA = CompletableFuture.supplyAsync(a::start);
        b.start();
        startingA.join();
        balancer = Balancer.start(temp.resolve("haproxy"), a, b);
    }

    private static boolean brokerReachable() {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", 5672), 1_000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * Node settings: the cluster profile; both import kb-content at start; outbox retention checked every 2 s; a
     * queue without a reader expires after {@link #QUEUE_EXPIRY}.
     */
    private static Map<String, String> node(String id, Map<String, Object> database) {
        Map<String, String> env = new LinkedHashMap<>(PortalProcess.mysqlProfile(database));
        env.put("SPRING_PROFILES_ACTIVE", "mysql,cluster");
        env.put("ANSWERLOOP_NODE_ID", id);
        env.put("ANSWERLOOP_CONTENT_IMPORT_ON_START", "true");
        env.put("ANSWERLOOP_CLUSTER_QUEUE_EXPIRY", QUEUE_EXPIRY.toSeconds() + "s");
        env.put("ANSWERLOOP_MAIL_RETENTION_CHECK_EVERY", "2s");
        env.put("LOGGING_LEVEL_NET_JAVACRUMBS_SHEDLOCK", "DEBUG");
        return env;
    }

    @AfterAll
    void stopEverything() {
        if (a == null) {
            return; // skipped before anything started: no broker here
        }
        for (AutoCloseable closing : new AutoCloseable[] {balancer, a, b}) {
            try {
                if (closing != null) {
                    closing.close();
                }
            } catch (Exception e) {
                // the next resource must still be closed
            }
        }
        CachingConnectionFactory broker = new CachingConnectionFactory("127.0.0.1", 5672);
        try {
            RabbitAdmin admin = new RabbitAdmin(broker);
            admin.deleteQueue("answerloop.index.it-a-" + run);
            admin.deleteQueue("answerloop.index.it-b-" + run);
        } finally {
            broker.destroy();
        }
    }

    @Test
    @Order(0)
    void nodesStartedTogetherImportTheShippedArticlesOnceAndBothFindThem() throws Exception {
        assertThat(sql("SELECT COUNT(*) FROM import_runs WHERE trigger_source = 'startup'"))
                .as("start-up imports of kb-content recorded")
                .isEqualTo(1);
        assertThat(sql("SELECT COUNT(*) FROM articles WHERE source_path LIKE 'shipped/%'"))
                .isEqualTo(3);
        assertThat(sql("SELECT COUNT(*) FROM article_versions v JOIN articles a ON a.id = v.article_id"
                        + " WHERE a.source_path LIKE 'shipped/%'"))
                .as("versions of the shipped articles: one each")
                .isEqualTo(3);
        assertThat(count("kb-content import at start skipped")).isEqualTo(1);
        for (String shippedWord : shippedWords) {
            for (PortalProcess node : List.of(a, b)) {
                PortalClient reader = node.anonymous();
                assertThat(PortalProcess.within(Duration.ofSeconds(60), () -> found(reader, "article", shippedWord)))
                        .as("the shipped article %s is found on %s", shippedWord, node == a ? "A" : "B")
                        .isTrue();
            }
        }
    }

    @Test
    @Order(1)
    void anAnswerPostedOnAIsFoundBySearchOnBWithinTheBound() {
        PortalClient onA = a.signInAsAdmin();
        long threadId = ask(onA, word());
        String answerWord = word();
        PortalClient.Response answered = onA.postJson(
                "/api/v1/threads/" + threadId + "/answers",
                "{\"body\":\"Restart the %s agent after changing its settings, then sync again.\"}"
                        .formatted(answerWord));
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);
        long acknowledged = System.nanoTime();

        PortalClient readerOnB = b.anonymous();
        assertThat(PortalProcess.within(Duration.ofSeconds(30), () -> found(readerOnB, "thread", answerWord)))
                .as("the answer is found on B")
                .isTrue();
        Duration delay = Duration.ofNanos(System.nanoTime() - acknowledged);
        System.out.printf("CLUSTER | answer on A searchable on B after %d ms%n", delay.toMillis());
        assertThat(delay).isLessThanOrEqualTo(PROPAGATION_BOUND);
    }

    @Test
    @Order(2)
    void anArticleImportedOnAIsReadableAndSearchableOnB() throws Exception {
        String articleWord = word();
        Path section = Files.createDirectories(content.resolve("cluster").resolve("nodes"));
        Files.writeString(content.resolve("cluster").resolve("_index.md"), "---\ntitle: Cluster\n---\n");
        Files.writeString(section.resolve("_index.md"), "---\ntitle: Nodes\n---\n");
        Files.writeString(section.resolve("second-node.md"), """
                ---
                title: Add a second node (%s)
                summary: Run the portal on two machines.
                ---

                Point the %s node at the same database and broker, then add it to the balancer.
                """.formatted(articleWord, articleWord));
        PortalClient admin = a.signInAsAdmin();
        admin.get("/admin/content");
        admin.form("/admin/content/import", Map.of());

        PortalClient readerOnB = b.anonymous();
        assertThat(PortalProcess.within(Duration.ofSeconds(60), () -> found(readerOnB, "article", articleWord)))
                .as("the imported article is found by search on B")
                .isTrue();
        PortalClient.Response page = readerOnB.get("/articles/second-node");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Add a second node (" + articleWord + ")");
    }

    /**
     * The import lock is the shared {@code shedlock} row: while it says node A is importing (as A's row does mid-import),
     * "Import now" on B is refused with A's name and imports nothing.
     */
    @Test
    @Order(3)
    void importNowOnBIsRefusedWhileNodeAHoldsTheImportLock() throws Exception {
        long imports = sql("SELECT COUNT(*) FROM import_runs");
        String nodeA = "it-a-" + run;
        // the row stays after each import (ShedLock releases a lock by ending its lock_until)
        update("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES ('kb-content-import',"
                + " TIMESTAMPADD(MINUTE, 5, UTC_TIMESTAMP(3)), UTC_TIMESTAMP(3), '" + nodeA + "')"
                + " ON DUPLICATE KEY UPDATE lock_until = VALUES(lock_until), locked_at = VALUES(locked_at),"
                + " locked_by = VALUES(locked_by)");
        try {
            PortalClient admin = b.signInAsAdmin();
            admin.get("/admin/content");
            admin.form("/admin/content/import", Map.of());
            assertThat(admin.get("/admin/content").body())
                    .contains("An import is already running (started on node " + nodeA + " at ");
            assertThat(sql("SELECT COUNT(*) FROM import_runs")).isEqualTo(imports);
        } finally {
            update("UPDATE shedlock SET lock_until = UTC_TIMESTAMP(3) WHERE name = 'kb-content-import'");
        }
    }

    @Test
    @Order(4)
    void signedInThroughAPostsThroughBWithCsrf() {
        PortalClient onA = a.signInAsAdmin();
        PortalClient onB = onA.via(b);
        // the page read on B carries the session's CSRF token, which B finds in the shared session
        assertThat(onB.get("/community").status()).isEqualTo(200);
        long threadId = ask(onB, word());
        assertThat(onA.get("/api/v1/threads/" + threadId).status()).isEqualTo(200);
        // and without the token B refuses, as one node would
        PortalClient.Response forged = a.anonymous().postJson("/api/v1/threads", "{}");
        assertThat(forged.status()).isIn(401, 403);
    }

    @Test
    @Order(5)
    void theLoginThrottleCountsAttemptsMadeOnBothNodes() {
        String email = "guesser-" + run + "@example.com";
        // five failures allowed per account (answerloop.accounts.throttle): three on A, two on B
        for (int i = 0; i < 5; i++) {
            PortalProcess node = i % 2 == 0 ? a : b;
            assertThat(signInRedirect(node, email)).contains("/login?error");
        }
        assertThat(signInRedirect(a, email)).contains("/login?throttled=");
        assertThat(signInRedirect(b, email)).contains("/login?throttled=");
    }

    @Test
    @Order(6)
    void aScheduledJobRunsOnOneNodeNotOnBoth() {
        // outbox retention is due every 2 s on both nodes (after a minute's initial delay); ShedLock lets one node run
        // it, then keeps it locked for 5 minutes (lockAtLeastFor), so every later tick on either node is skipped
        assertThat(PortalProcess.within(Duration.ofSeconds(120), () -> count("Locked 'outbox-retention'") >= 1))
                .as("outbox retention ran on a node")
                .isTrue();
        assertThat(PortalProcess.within(Duration.ofSeconds(30), () -> count("Not executing 'outbox-retention'") >= 4))
                .as("both nodes skipped later ticks")
                .isTrue();
        assertThat(count("Locked 'outbox-retention'"))
                .as("runs of outbox-retention on both nodes")
                .isEqualTo(1);
    }

    @Test
    @Order(7)
    void changingThePasswordOnOneNodeEndsTheSessionsSignedInOnTheOther() {
        PortalClient elsewhere = b.signInAsAdmin();
        assertThat(elsewhere.get("/account").status()).isEqualTo(200);
        PortalClient here = a.signInAsAdmin();
        here.get("/account");
        String newPassword = "rotated cluster passphrase " + word();
        PortalClient.Response changed =
                here.form("/account/password", Map.of("currentPassword", adminPassword, "newPassword", newPassword));
        assertThat(changed.status()).as(changed.body()).isIn(200, 302, 303);
        adminPassword = newPassword;
        // the session signed in on B is gone from the shared store: B sends its user to sign in again
        PortalClient.Response after = elsewhere.get("/account");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.raw().headers().firstValue("location").orElse("")).contains("/login");
        assertThat(here.get("/account").status()).isEqualTo(200);
    }

    @Test
    @Order(8)
    void aNodeStoppedUntilItsQueueExpiredFindsWhatWasWrittenMeanwhile() {
        String queue = "answerloop.index.it-b-" + run;
        b.stop();
        assertThat(expiresWithin(queue, Duration.ofSeconds(90)))
                .as("B's queue expires without a reader")
                .isTrue();
        // written while B is down and its queue gone: no queue keeps this change for B
        String missedWord = word();
        long threadId = ask(a.signIn(PortalProcess.ADMIN_EMAIL, adminPassword), missedWord);
        assertThat(PortalProcess.within(Duration.ofSeconds(30), () -> found(a.anonymous(), "thread", missedWord)))
                .isTrue();

        b.start();
        Path restartLog = b.logs().getLast();
        assertThat(PortalProcess.within(
                        Duration.ofSeconds(30),
                        () -> contains(restartLog, "Queue of index changes " + queue + " at start: NEW")))
                .as("B finds its queue gone at start")
                .isTrue();
        assertThat(PortalProcess.within(Duration.ofSeconds(120), () -> found(b.anonymous(), "thread", missedWord)))
                .as("B's index holds thread %d, written while B's queue was gone", threadId)
                .isTrue();
        assertThat(PortalProcess.within(
                        Duration.ofSeconds(120),
                        () -> b.anonymous().get("/actuator/health").status() == 200))
                .as("B is healthy once caught up")
                .isTrue();
    }

    @Test
    @Order(9)
    void killingANodeMidSessionLosesNothing() {
        PortalClient browser = PortalClient.at(balancer.url());
        browser.signIn(PortalProcess.ADMIN_EMAIL, adminPassword);
        List<Long> acknowledged = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            acknowledged.add(ask(browser, word()));
        }
        a.kill();
        // the balancer sends every request to B now; the user is still signed in and may write
        assertThat(browser.get("/account").status()).isEqualTo(200);
        for (int i = 0; i < 2; i++) {
            acknowledged.add(ask(browser, word()));
        }
        PortalClient readerOnB = b.anonymous();
        for (long threadId : acknowledged) {
            assertThat(readerOnB.get("/api/v1/threads/" + threadId).status())
                    .as("thread %d acknowledged before or after the kill", threadId)
                    .isEqualTo(200);
        }
    }

    /** Looks at the queue less often than its expiry: a look (a passive declare) renews the broker's lease on it. */
    private static boolean expiresWithin(String queue, Duration timeout) {
        CachingConnectionFactory broker = new CachingConnectionFactory("127.0.0.1", 5672);
        try {
            RabbitAdmin admin = new RabbitAdmin(broker);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                PortalProcess.pause(QUEUE_EXPIRY.plusSeconds(2));
                if (admin.getQueueInfo(queue) == null) {
                    return true;
                }
            }
            return false;
        } finally {
            broker.destroy();
        }
    }

    private long sql(String query) throws java.sql.SQLException {
        try (java.sql.Connection connection = connect();
                java.sql.ResultSet result = connection.createStatement().executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void update(String statement) throws java.sql.SQLException {
        try (java.sql.Connection connection = connect()) {
            connection.createStatement().executeUpdate(statement);
        }
    }

    private java.sql.Connection connect() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(
                (String) database.get("spring.datasource.url"),
                (String) database.get("spring.datasource.username"),
                (String) database.get("spring.datasource.password"));
    }

    private static boolean contains(Path log, String logLine) {
        return matches(log, logLine) > 0;
    }

    private int count(String logLine) {
        return (int) Stream.of(a, b)
                .flatMap(node -> node.logs().stream())
                .mapToLong(log -> matches(log, logLine))
                .sum();
    }

    private static long matches(Path log, String logLine) {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(logLine)).count();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new IllegalStateException("cannot read " + log, e);
        }
    }

    private static String signInRedirect(PortalProcess node, String email) {
        PortalClient client = node.anonymous();
        client.get("/login");
        PortalClient.Response response =
                client.form("/login", Map.of("username", email, "password", "not-the-password-" + word()));
        return response.raw().headers().firstValue("location").orElse("");
    }

    private static long ask(PortalClient client, String word) {
        PortalClient.Response response = client.postJson("/api/v1/threads", """
                {"topic":"general","title":"Why does the %s node lag behind?",
                 "body":"Since we added the %s node its search results look older than the others'.",
                 "tags":["cluster"]}""".formatted(word, word));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return ((Number) response.json("$.threadId")).longValue();
    }

    private static boolean found(PortalClient reader, String type, String word) {
        PortalClient.Response found = reader.get("/api/v1/search?type=" + type + "&q=" + word);
        return found.status() == 200 && found.body().contains(word);
    }

    /** Letters only, so the analyzers keep it as one searchable term. */
    private static String word() {
        StringBuilder word = new StringBuilder("zc");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }
}
