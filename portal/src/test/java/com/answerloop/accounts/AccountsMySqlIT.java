package com.answerloop.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.support.Content;
import com.answerloop.support.MariaDb;
import com.answerloop.support.RequiresMariaDb;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The accounts schema and mappings on a real MySQL-compatible server (the {@code mysql} profile): Flyway migrates,
 * Hibernate validates, and an account round-trips. Skipped when no server answers, a failure when CI requires it
 * ({@link RequiresMariaDb}).
 */
@RequiresMariaDb
@SpringBootTest
@ActiveProfiles("mysql")
class AccountsMySqlIT {

    // Not a JUnit @TempDir: the cached Spring context outlives the class and keeps writing its search index here, so
    // deleting the folder when the class ends failed now and then.
    static final Path dataDir = Content.temporaryDirectory("answerloop-accounts-mysql");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        MariaDb.register(registry, "answerloop_accounts_it");
        registry.add("answerloop.data-dir", () -> dataDir.toString());
        registry.add("answerloop.content-dir", () -> dataDir.resolve("content").toString());
        registry.add("answerloop.accounts.admin-email", () -> "admin@mysql.test");
        registry.add("answerloop.accounts.admin-password", () -> "mysql admin passphrase");
    }

    @Autowired
    AccountManagement accounts;

    @Autowired
    AccountAdministration administration;

    @Test
    void accountsRoundTripOnMySql() {
        assertThat(accounts.findByEmail("admin@mysql.test"))
                .hasValueSatisfying(admin -> assertThat(admin.roles()).contains(Role.ADMIN, Role.MEMBER));

        accounts.register("Luis@Example.com", "Luis", "luis's long passphrase");
        UserAccount luis = accounts.findByEmail("luis@example.com").orElseThrow();
        assertThat(luis.displayName()).isEqualTo("Luis");
        assertThat(luis.suspended()).isFalse();
        assertThat(luis.joined()).isNotNull();

        administration.suspend(
                accounts.findByEmail("admin@mysql.test").orElseThrow().id(), luis.id(), "testing");
        assertThat(accounts.findById(luis.id()).orElseThrow().suspended()).isTrue();
    }
}
