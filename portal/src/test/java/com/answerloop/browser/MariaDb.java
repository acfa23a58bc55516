package com.answerloop.browser;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The MariaDB/MySQL at 127.0.0.1:3306 (user root, empty password) for browser tests of the
 * {@code mysql} profile. As a JUnit condition it skips the test class when the server is not
 * reachable, or fails it when {@code ANSWERLOOP_TEST_MYSQL=required} (CI), before Spring starts.
 */
final class MariaDb implements ExecutionCondition {

    static final String HOST = "127.0.0.1";
    static final int PORT = 3306;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (reachable()) {
            return ConditionEvaluationResult.enabled("MariaDB/MySQL listens on " + HOST + ":" + PORT);
        }
        String message = "no MariaDB/MySQL on " + HOST + ":" + PORT + " (user root, empty password)";
        if ("required".equalsIgnoreCase(System.getenv("ANSWERLOOP_TEST_MYSQL"))) {
            throw new IllegalStateException(message + ", but ANSWERLOOP_TEST_MYSQL=required");
        }
        return ConditionEvaluationResult.disabled(message + "; set ANSWERLOOP_TEST_MYSQL=required to fail instead");
    }

    static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Drops and recreates {@code database} and returns the Spring properties that point the portal at it. */
    static Map<String, Object> freshDatabase(String database) {
        if (!database.matches("[a-z_]+")) {
            throw new IllegalArgumentException("unexpected database name " + database);
        }
        String server = "jdbc:mysql://" + HOST + ":" + PORT + "/";
        try (Connection connection = DriverManager.getConnection(server + "?user=root&password=");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate database " + database + " on " + server, e);
        }
        return Map.of(
                "spring.datasource.url", server + database,
                "spring.datasource.username", "root",
                "spring.datasource.password", "");
    }
}
