package com.answerloop.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of the test's own (its data directory, port and socket under a temp directory), so a test may
 * freeze ({@code SIGSTOP}) or kill it without touching the shared server other tests use. Needs {@code mariadbd} and
 * {@code mariadb-install-db} on the PATH and runs as root with {@code --user=root}.
 */
public final class PrivateMariaDb implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process server;

    private PrivateMariaDb(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Whether this machine can run one (the binaries exist). */
    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/sbin/mariadbd")) || Files.isExecutable(Path.of("/usr/bin/mariadbd"));
    }

    public static PrivateMariaDb start(Path dir) throws Exception {
        PrivateMariaDb db = new PrivateMariaDb(dir, freePort());
        Path data = Files.createDirectories(dir.resolve("data"));
        int installed = new ProcessBuilder(
                        "mariadb-install-db",
                        "--no-defaults",
                        "--user=root",
                        "--datadir=" + data,
                        "--auth-root-authentication-method=normal",
                        "--skip-test-db")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("install.log").toFile())
                .start()
                .waitFor();
        if (installed != 0) {
            throw new IllegalStateException("mariadb-install-db failed; see " + dir.resolve("install.log"));
        }
        db.startServer();
        return db;
    }

    private void startServer() throws Exception {
        server = new ProcessBuilder(
                        "mariadbd",
                        "--no-defaults",
                        "--user=root",
                        "--datadir=" + dir.resolve("data"),
                        "--port=" + port,
                        "--bind-address=127.0.0.1",
                        "--socket=" + dir.resolve("mariadb.sock"),
                        "--pid-file=" + dir.resolve("mariadb.pid"),
                        "--skip-grant-tables",
                        "--innodb-buffer-pool-size=32M")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("server.log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Connection ignored = connect("")) {
                return;
            } catch (SQLException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the private MariaDB did not start; see " + dir.resolve("server.log"));
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:%d/%s?connectTimeout=2000".formatted(port, database), "root", "");
    }

    /** Creates {@code name} and returns the portal's environment for the {@code mysql} profile pointing at it. */
    public Map<String, String> database(String name) throws SQLException {
        try (Connection connection = connect("")) {
            connection.createStatement().execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
        }
        return PortalProcess.mysqlProfile(Map.of(
                "spring.datasource.url", "jdbc:mysql://127.0.0.1:%d/%s".formatted(port, name),
                "spring.datasource.username", "root",
                "spring.datasource.password", ""));
    }

    /** {@code SIGSTOP}: the server keeps its connections open and answers nothing, as a hung database does. */
    public void freeze() throws Exception {
        signal("STOP");
    }

    /** {@code SIGCONT}: the frozen server carries on. */
    public void thaw() throws Exception {
        signal("CONT");
    }

    /** {@code kill -9}: the server is gone, its connections reset, new ones refused. */
    public void kill() throws Exception {
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts the killed server again on the same port and data directory (InnoDB recovers its log). */
    public void restart() throws Exception {
        startServer();
    }

    private void signal(String name) throws Exception {
        new ProcessBuilder("kill", "-" + name, Long.toString(server.pid()))
                .inheritIO()
                .start()
                .waitFor();
    }

    public boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        if (server != null && server.isAlive()) {
            thaw();
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
