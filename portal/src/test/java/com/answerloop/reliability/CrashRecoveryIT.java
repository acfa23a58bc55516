package com.answerloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.reliability.CrashScenarios.Acknowledged;
import com.answerloop.support.PortalProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} right after posts on the embedded default (H2): every question the API acknowledged with 201 is in
 * the database and in search after the restart.
 */
class CrashRecoveryIT {

    @TempDir
    Path temp;

    @Test
    void questionsAcknowledgedJustBeforeAKillSurviveInTheDatabaseAndInSearch() throws Exception {
        crashAfterPosts("H2: kill -9 50 ms after 15 posts", Map.of(), temp);
    }

    static void crashAfterPosts(String scenario, Map<String, String> environment, Path temp) throws Exception {
        Path content = Files.createDirectories(temp.resolve("content"));
        try (PortalProcess portal = new PortalProcess(temp.resolve("data"), content, environment)) {
            portal.start();
            List<Acknowledged> acknowledged = CrashScenarios.askQuestions(portal.signInAsAdmin(), 15);
            Thread.sleep(50);
            portal.kill();

            portal.start();
            List<Acknowledged> lost = CrashScenarios.missingFromDatabase(portal.anonymous(), acknowledged);
            assertThat(lost).as("acknowledged questions lost from the database").isEmpty();
            Duration recovered = CrashScenarios.awaitSearchable(portal, acknowledged, Duration.ofSeconds(30));
            CrashScenarios.report(scenario, acknowledged.size(), lost.size(), acknowledged.size(), recovered);
        }
    }
}
