package com.answerloop.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The accounts schema and mappings on a real MySQL-compatible server (the {@code mysql} profile): Flyway migrates,
 * Hibernate validates, and an account round-trips. Skipped when no server answers at {@code ANSWERLOOP_TEST_MYSQL_URL}
 * (default {@code jdbc:mysql://127.0.0.1:3306/}, user root, empty password).
 */
@SpringBootTest
@ActiveProfiles("mysql")
class AccountsMySqlIT {

    private static final String SERVER =
            System.getenv().getOrDefault("ANSWERLOOP_TEST_MYSQL_URL", "jdbc:mysql://127.0.0.1:3306/");
    private static final String DATABASE = "answerloop_accounts_it";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        boolean available = recreateDatabase();
        Assumptions.assumeTrue(available, "no MySQL-compatible server at " + SERVER);
        registry.add("spring.datasource.url", () -> SERVER + DATABASE);
        registry.add("spring.datasource.username", () -> "root");
        registry.add("spring.datasource.password", () -> "");
        registry.add("answerloop.data-dir", () -> dataDir.toString());
        registry.add("answerloop.content-dir", () -> dataDir.resolve("content").toString());
        registry.add("answerloop.accounts.admin-email", () -> "admin@mysql.test");
        registry.add("answerloop.accounts.admin-password", () -> "mysql admin passphrase");
    }

    @Autowired
    AccountManagement accounts;

    @Test
    void accountsRoundTripOnMySql() {
        assertThat(accounts.findByEmail("admin@mysql.test"))
                .hasValueSatisfying(admin -> assertThat(admin.roles()).contains(Role.ADMIN, Role.MEMBER));

        accounts.register("Luis@Example.com", "Luis", "luis's long passphrase");
        UserAccount luis = accounts.findByEmail("luis@example.com").orElseThrow();
        assertThat(luis.displayName()).isEqualTo("Luis");
        assertThat(luis.suspended()).isFalse();
        assertThat(luis.joined()).isNotNull();

        accounts.suspend(accounts.findByEmail("admin@mysql.test").orElseThrow().id(), luis.id(), "testing");
        assertThat(accounts.findById(luis.id()).orElseThrow().suspended()).isTrue();
    }

    private static boolean recreateDatabase() {
        try (Connection connection = DriverManager.getConnection(SERVER, "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
