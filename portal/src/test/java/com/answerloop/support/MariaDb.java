package com.answerloop.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The MariaDB/MySQL server tests of the {@code mysql} profile run against (127.0.0.1:3306, root,
 * no password). Tests skip when it is not reachable, unless {@code ANSWERLOOP_TEST_MYSQL=required}
 * (set by {@code .ci/run}) makes its absence a failure, so CI always proves the MySQL path.
 */
public final class MariaDb {

    private static final String HOST = System.getenv().getOrDefault("ANSWERLOOP_TEST_MYSQL_HOST", "127.0.0.1");
    private static final int PORT =
            Integer.parseInt(System.getenv().getOrDefault("ANSWERLOOP_TEST_MYSQL_PORT", "3306"));
    private static final String USER = System.getenv().getOrDefault("ANSWERLOOP_TEST_MYSQL_USER", "root");
    private static final String PASSWORD = System.getenv().getOrDefault("ANSWERLOOP_TEST_MYSQL_PASSWORD", "");

    private MariaDb() {}

    /** Whether CI demands the MySQL path ({@code ANSWERLOOP_TEST_MYSQL=required}). */
    public static boolean isRequired() {
        return "required".equalsIgnoreCase(System.getenv("ANSWERLOOP_TEST_MYSQL"));
    }

    /**
     * Appended to every test database name ({@code ANSWERLOOP_TEST_MYSQL_DB_SUFFIX}), so two checkouts can run their
     * suites against one server at the same time without dropping each other's schemas.
     */
    private static final String DB_SUFFIX =
            System.getenv().getOrDefault("ANSWERLOOP_TEST_MYSQL_DB_SUFFIX", "").replaceAll("[^A-Za-z0-9_]", "");

    /** Drops and creates {@code name}, so every test run starts from an empty schema. */
    public static void recreateDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(serverUrl(), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
            statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare test database " + name, e);
        }
    }

    /**
     * Creates a fresh {@code name} database and returns the properties that point the portal at it.
     * Fails when no server answers (only reached when {@link RequiresMariaDb} let the test run).
     */
    public static Map<String, Object> freshDatabase(String name) {
        if (!reachable()) {
            throw new IllegalStateException(
                    "ANSWERLOOP_TEST_MYSQL=required but no MySQL/MariaDB server answers on %s:%d"
                            .formatted(HOST, PORT));
        }
        String database = name + DB_SUFFIX;
        recreateDatabase(database);
        return Map.of(
                "spring.datasource.url",
                "jdbc:mysql://%s:%d/%s".formatted(HOST, PORT, database),
                "spring.datasource.username",
                USER,
                "spring.datasource.password",
                PASSWORD,
                "spring.datasource.driver-class-name",
                "com.mysql.cj.jdbc.Driver");
    }

    /** {@link #freshDatabase} for a {@code @DynamicPropertySource} method, which runs when the context is built. */
    public static void register(DynamicPropertyRegistry registry, String name) {
        freshDatabase(name).forEach((key, value) -> registry.add(key, () -> value));
    }

    private static String serverUrl() {
        return "jdbc:mysql://%s:%d/?allowPublicKeyRetrieval=true&useSSL=false".formatted(HOST, PORT);
    }

    static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
