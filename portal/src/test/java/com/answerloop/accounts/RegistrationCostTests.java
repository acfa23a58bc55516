package com.answerloop.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.answerloop.shared.PortalSettings;
import com.answerloop.shared.mail.Mailer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Registering an address that already has an account does the same expensive work as a new registration (one
 * password hash, Argon2id: about 50 ms), so the response time does not tell an attacker who has an account. Before,
 * the taken address skipped the hash and answered in about 4 ms instead of 51 ms.
 */
class RegistrationCostTests {

    private final AtomicInteger hashes = new AtomicInteger();
    private final Accounts accounts = mock(Accounts.class);
    private final AccountManagement management = management();

    @Test
    void aTakenAddressCostsOnePasswordHashLikeANewOne() {
        Account taken = new Account("taken@example.com", "Taken", "{noop}x", Instant.EPOCH);
        when(accounts.findByEmail("taken@example.com")).thenReturn(Optional.of(taken));
        when(accounts.findByEmail("new@example.com")).thenReturn(Optional.empty());
        when(accounts.save(any())).thenAnswer(call -> {
            Account saved = call.getArgument(0);
            ReflectionTestUtils.setField(saved, "id", 42L);
            return saved;
        });

        management.register("new@example.com", "Newcomer", "a lighthouse in the fog");
        int forNewAddress = hashes.getAndSet(0);
        management.register("taken@example.com", "Someone Else", "a lighthouse in the fog");
        int forTakenAddress = hashes.get();

        assertThat(forNewAddress).isEqualTo(1);
        assertThat(forTakenAddress).isEqualTo(forNewAddress);
    }

    @SuppressWarnings("unchecked")
    private AccountManagement management() {
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                hashes.incrementAndGet();
                return "{noop}" + raw;
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return encoded.equals("{noop}" + raw);
            }
        };
        Clock clock = Clock.systemUTC();
        AccountSettings settings = new AccountSettings(
                "admin@example.com",
                null,
                Duration.ofHours(24),
                Duration.ofHours(1),
                new AccountSettings.Throttle(5, 50, Duration.ofMinutes(15), Duration.ofMinutes(15)),
                Duration.ofMinutes(30));
        return new AccountManagement(
                accounts,
                mock(AccountTokens.class),
                mock(AuditEntries.class),
                counting,
                new PasswordPolicy(),
                mock(Mailer.class),
                new PortalSettings(Path.of("data"), Path.of("kb-content"), "http://localhost:8080"),
                settings,
                mock(SessionControl.class),
                mock(ApplicationEventPublisher.class),
                clock);
    }
}
