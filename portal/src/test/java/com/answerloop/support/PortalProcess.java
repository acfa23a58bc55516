package com.answerloop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged portal ({@code target/answerloop-portal.jar}) running as a separate Java process on a free port, so a
 * test can do to it what an operator's machine does: {@code kill -9} it mid-write and start it again on the same data
 * directory. The jar is copied once per test run, so a rebuild of {@code target/} cannot break a running portal.
 */
public final class PortalProcess implements AutoCloseable {

    public static final String ADMIN_EMAIL = "admin@example.com";
    public static final String ADMIN_PASSWORD = "crash-test-admin-password";

    private static Path jarCopy;

    private final Path dataDir;
    private final Path contentDir;
    private final Map<String, String> environment;
    private final int port;
    private Process process;
    private int starts;

    /**
     * @param environment extra environment (a database URL and profile), on top of the data and content directories
     */
    public PortalProcess(Path dataDir, Path contentDir, Map<String, String> environment) {
        this.dataDir = dataDir;
        this.contentDir = contentDir;
        this.environment = environment;
        this.port = freePort();
    }

    /** Fails the test when the jar was not packaged: ITs run after {@code package}, so it normally is. */
    private static synchronized Path jar() throws IOException {
        if (jarCopy == null) {
            Path packaged = Path.of("target", "answerloop-portal.jar");
            if (!Files.isRegularFile(packaged)) {
                throw new IllegalStateException(
                        "target/answerloop-portal.jar is missing: run the ITs through `mvnw verify` (after package)");
            }
            jarCopy = Files.createTempFile("answerloop-crash-", ".jar");
            jarCopy.toFile().deleteOnExit();
            Files.copy(packaged, jarCopy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return jarCopy;
    }

    /** Starts the portal and waits until it reports itself ready. */
    public PortalProcess start() {
        try {
            String java = ProcessHandle.current().info().command().orElse("java");
            // The scenarios poll search from one address far faster than a reader would: the rate limits (on in the
            // shipped configuration, tested by RateLimitsIT) would answer them 429. They count documents by words
            // (a question by its unique word, the articles sharing one word); search by meaning would add
            // neighbours to those totals. A document's passage vectors live in the same Lucene document and commit as
            // its words, so a document found by its words after a crash kept its vectors too.
            List<String> command = new ArrayList<>(List.of(
                    java,
                    "-Xmx512m",
                    "-XX:TieredStopAtLevel=1",
                    "-jar",
                    jar().toString(),
                    "--server.port=" + port,
                    "--answerloop.rate-limits.enabled=false",
                    "--answerloop.search.semantic.enabled=false"));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("ANSWERLOOP_DATA_DIR", dataDir.toString());
            builder.environment().put("ANSWERLOOP_CONTENT_DIR", contentDir.toString());
            builder.environment().put("ANSWERLOOP_ADMIN_EMAIL", ADMIN_EMAIL);
            builder.environment().put("ANSWERLOOP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            builder.environment().putAll(environment);
            Files.createDirectories(dataDir);
            starts++;
            // beside the data directory, not in it: a test may fill the data directory's disk
            Path logs = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-logs"));
            Path log = logs.resolve("portal-" + starts + ".log");
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            process = builder.start();
            awaitReady(Duration.ofSeconds(180), log);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient client = HttpClient.newHttpClient();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the portal exited at start; see " + log);
            }
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException("the portal was not ready within " + timeout + "; see " + log);
    }

    /** {@code kill -9}: no shutdown hook, no flush, no index commit. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** A normal stop (SIGTERM), as systemd or Docker would do. */
    public void stop() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The log files of this process's starts, oldest first. */
    public List<Path> logs() {
        Path logs = dataDir.resolveSibling(dataDir.getFileName() + "-logs");
        List<Path> files = new ArrayList<>();
        for (int start = 1; start <= starts; start++) {
            files.add(logs.resolve("portal-" + start + ".log"));
        }
        return files;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** A signed-in administrator's API session against this portal. */
    public PortalClient signInAsAdmin() {
        return signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** A signed-in member's session, for an account the test created. */
    public PortalClient signIn(String email, String password) {
        PortalClient client = new PortalClient(this);
        client.signIn(email, password);
        return client;
    }

    /** An anonymous caller. */
    public PortalClient anonymous() {
        return new PortalClient(this);
    }

    /** Waits up to {@code timeout} for {@code condition}; returns whether it came true. */
    public static boolean within(Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep(100);
        }
        return condition.getAsBoolean();
    }

    /** Waits this long; for tests whose every look would change what they look at. */
    public static void pause(Duration duration) {
        sleep(duration.toMillis());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Environment that points the portal at a MariaDB schema ({@link MariaDb#freshDatabase}). */
    public static Map<String, String> mysqlProfile(Map<String, Object> datasource) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "mysql");
        env.put("SPRING_DATASOURCE_URL", datasource.get("spring.datasource.url").toString());
        env.put(
                "SPRING_DATASOURCE_USERNAME",
                datasource.get("spring.datasource.username").toString());
        env.put(
                "SPRING_DATASOURCE_PASSWORD",
                datasource.get("spring.datasource.password").toString());
        return env;
    }

    @Override
    public void close() {
        if (isAlive()) {
            kill();
        }
    }
}
