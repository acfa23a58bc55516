package com.answerloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.support.PortalClient;
import com.answerloop.support.PortalProcess;
import com.answerloop.support.PrivateMariaDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database freezes under a running portal (a private MariaDB, stopped with {@code SIGSTOP}): pages that need it
 * answer within seconds instead of hanging for 30 s, and signing in says the service is unavailable rather than that
 * the password is wrong (issue 16, B1 and B2). When the database carries on, so does the portal.
 */
class DatabaseOutageIT {

    @TempDir
    Path temp;

    @Test
    void whileTheDatabaseIsFrozenRequestsFailFastAndSignInSaysTheServiceIsUnavailable() throws Exception {
        Assumptions.assumeTrue(PrivateMariaDb.available(), "mariadbd is not installed: the outage test is skipped");
        try (PrivateMariaDb database = PrivateMariaDb.start(Files.createDirectories(temp.resolve("mariadb")));
                PortalProcess portal = new PortalProcess(
                        temp.resolve("data"),
                        Files.createDirectories(temp.resolve("content")),
                        database.database("answerloop"))) {
            portal.start();
            PortalClient admin = portal.signInAsAdmin();
            CrashScenarios.askQuestions(admin, 1);

            database.freeze();
            Thread.sleep(1000); // pooled connections now count as idle and are checked before use
            PortalClient visitor = portal.anonymous();
            visitor.get("/login");
            long start = System.nanoTime();
            PortalClient.Response signIn = visitor.form(
                    "/login", Map.of("username", PortalProcess.ADMIN_EMAIL, "password", PortalProcess.ADMIN_PASSWORD));
            Duration signInTook = Duration.ofNanos(System.nanoTime() - start);
            start = System.nanoTime();
            int threads = visitor.get("/api/v1/threads").status();
            Duration threadsTook = Duration.ofNanos(System.nanoTime() - start);

            assertThat(signIn.raw().headers().firstValue("location").orElse(""))
                    .as("where a sign-in during the outage leads")
                    .endsWith("/login?unavailable");
            assertThat(signInTook).as("sign-in answered").isLessThan(Duration.ofSeconds(8));
            assertThat(visitor.get("/login?unavailable").body())
                    .contains("the service is temporarily unavailable")
                    .doesNotContain("password is not correct");
            assertThat(threads)
                    .as("the thread list while the database is frozen")
                    .isGreaterThanOrEqualTo(500);
            assertThat(threadsTook).as("thread list answered").isLessThan(Duration.ofSeconds(8));
            start = System.nanoTime();
            PortalClient.Response health = visitor.get("/actuator/health");
            Duration healthTook = Duration.ofNanos(System.nanoTime() - start);
            assertThat(health.body()).contains("\"db\":{\"status\":\"DOWN\"");
            assertThat(healthTook).as("/actuator/health answered").isLessThan(Duration.ofSeconds(1));

            database.thaw();
            assertThat(PortalProcess.within(
                            Duration.ofSeconds(30),
                            () -> visitor.get("/api/v1/threads").status() == 200))
                    .as("the portal serves again once the database is back")
                    .isTrue();
            CrashScenarios.report(
                    "MariaDB frozen: sign-in / thread list",
                    1,
                    0,
                    1,
                    signInTook.compareTo(threadsTook) > 0 ? signInTook : threadsTook);
        }
    }
}
