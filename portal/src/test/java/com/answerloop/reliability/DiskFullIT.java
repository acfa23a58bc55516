package com.answerloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.reliability.CrashScenarios.Acknowledged;
import com.answerloop.support.PortalClient;
import com.answerloop.support.PortalProcess;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory's disk fills up (a real 20 MB tmpfs, filled with a ballast file) while people post: health says
 * so, and once space is freed the portal indexes everything by itself, without a restart (issue 16, A4: indexing
 * stopped for good and health stayed UP). The database lives on another disk here, so posts keep being acknowledged.
 *
 * <p>Mounting needs root (as in CI); elsewhere the test is skipped with a message.
 */
class DiskFullIT {

    @TempDir
    Path temp;

    @Test
    void indexingResumesByItselfOnceTheFullDataDiskHasSpaceAgain() throws Exception {
        Path dataDir = Files.createDirectories(temp.resolve("data"));
        mountSmallDisk(dataDir);
        try {
            Path content = Files.createDirectories(temp.resolve("content"));
            String database = "jdbc:h2:file:" + temp.resolve("db").resolve("answerloop")
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;WRITE_DELAY=0";
            try (PortalProcess portal =
                    new PortalProcess(dataDir, content, Map.of("SPRING_DATASOURCE_URL", database))) {
                portal.start();
                PortalClient admin = portal.signInAsAdmin();
                List<Acknowledged> acknowledged = new ArrayList<>(CrashScenarios.askQuestions(admin, 3));
                CrashScenarios.awaitSearchable(portal, acknowledged, Duration.ofSeconds(20));

                Path ballast = fill(dataDir);
                acknowledged.addAll(CrashScenarios.askQuestions(admin, 10));
                PortalClient reader = portal.anonymous();
                assertThat(PortalProcess.within(Duration.ofSeconds(20), () -> {
                            String health = reader.get("/actuator/health").body();
                            return health.contains("\"diskSpace\":{\"status\":\"DOWN\"")
                                    && !health.contains("\"searchIndex\":{\"status\":\"UP\"");
                        }))
                        .as(
                                "health reports the full data disk and the index that cannot save: %s",
                                reader.get("/actuator/health").body())
                        .isTrue();

                Files.delete(ballast);
                Duration recovered = CrashScenarios.awaitSearchable(portal, acknowledged, Duration.ofSeconds(90));
                assertThat(PortalProcess.within(
                                Duration.ofSeconds(30),
                                () -> reader.get("/actuator/health")
                                        .body()
                                        .contains("\"searchIndex\":{\"status\":\"UP\"")))
                        .as(
                                "search index healthy again: %s",
                                reader.get("/actuator/health").body())
                        .isTrue();
                CrashScenarios.report(
                        "disk full on the data directory", acknowledged.size(), 0, acknowledged.size(), recovered);
                portal.stop();
            }
        } finally {
            run("umount", "-l", dataDir.toString());
        }
    }

    private static void mountSmallDisk(Path dir) throws Exception {
        int exit = run("mount", "-t", "tmpfs", "-o", "size=20m", "tmpfs", dir.toString());
        boolean mustRun = System.getenv("CI") != null || "root".equals(System.getProperty("user.name"));
        if (exit != 0 && mustRun) {
            throw new IllegalStateException("cannot mount a 20 MB tmpfs at " + dir + " although running as root/CI");
        }
        Assumptions.assumeTrue(exit == 0, "cannot mount a tmpfs (needs root): the disk-full test is skipped");
    }

    /** Writes a ballast file until the disk refuses more. */
    private static Path fill(Path dir) throws IOException {
        Path ballast = dir.resolve("ballast.bin");
        byte[] chunk = new byte[256 * 1024];
        try (OutputStream out = new FileOutputStream(ballast.toFile())) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            return ballast;
        }
    }

    private static int run(String... command) throws Exception {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
