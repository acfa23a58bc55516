package com.answerloop.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do to other people's accounts (find them, change their roles, suspend and reinstate them), and
 * the first administrator at the first start. Each change is written to the account's audit trail and ends the
 * account's sessions where the change must take effect at once.
 */
@Service
@Transactional(noRollbackFor = AccountProblem.class)
class AccountAdministration {

    private static final Logger log = LoggerFactory.getLogger(AccountAdministration.class);

    private final Accounts accounts;
    private final AuditEntries audit;
    private final PasswordEncoder passwordEncoder;
    private final SessionControl sessions;
    private final Clock clock;

    AccountAdministration(
            Accounts accounts,
            AuditEntries audit,
            PasswordEncoder passwordEncoder,
            SessionControl sessions,
            Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Page<UserAccount> search(String text, Pageable pageable) {
        return accounts.search(text == null ? "" : text.strip(), pageable).map(Account::toView);
    }

    @Transactional(readOnly = true)
    List<AuditEntry> auditTrail(long accountId) {
        return audit.findByAccountIdOrderByIdDesc(accountId);
    }

    void changeRoles(long actorId, long accountId, Set<Role> roles) {
        Account account = accounts.findById(accountId).orElseThrow();
        Set<Role> before = account.roles();
        Set<Role> after = roles.isEmpty() ? EnumSet.of(Role.MEMBER) : EnumSet.copyOf(roles);
        after.add(Role.MEMBER);
        if (actorId == accountId && before.contains(Role.ADMIN) && !after.contains(Role.ADMIN)) {
            throw new AccountProblem("You cannot remove your own admin role; ask another administrator.");
        }
        if (before.equals(after)) {
            return;
        }
        account.replaceRoles(after);
        audit.save(new AuditEntry(accountId, actorId, "ROLES_CHANGED", before + " -> " + after, clock.instant()));
        // Roles are read at sign-in; the user signs in again to get the new ones.
        sessions.endSessions(accountId, null);
        log.info("Admin #{} changed roles of account #{}: {} -> {}", actorId, accountId, before, after);
    }

    void suspend(long actorId, long accountId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new AccountProblem("Give a reason for the suspension.");
        }
        if (actorId == accountId) {
            throw new AccountProblem("You cannot suspend yourself.");
        }
        Account account = accounts.findById(accountId).orElseThrow();
        account.suspend(reason.strip());
        audit.save(new AuditEntry(accountId, actorId, "SUSPENDED", reason.strip(), clock.instant()));
        int ended = sessions.endSessions(accountId, null);
        log.warn(
                "Admin #{} suspended account #{} ({} session(s) ended): {}", actorId, accountId, ended, reason.strip());
    }

    void reinstate(long actorId, long accountId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new AccountProblem("Give a reason for reinstating the account.");
        }
        Account account = accounts.findById(accountId).orElseThrow();
        account.reinstate();
        audit.save(new AuditEntry(accountId, actorId, "REINSTATED", reason.strip(), clock.instant()));
        log.warn("Admin #{} reinstated account #{}: {}", actorId, accountId, reason.strip());
    }

    /** Creates the first administrator when there is none; returns the generated password if one was generated. */
    Optional<String> ensureAdministrator(String email, String configuredPassword) {
        if (accounts.existsAdmin()) {
            return Optional.empty();
        }
        String normalized = Account.normalizeEmail(email);
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? EmailTokens.newToken().substring(0, 20) : configuredPassword;
        Instant now = clock.instant();
        Account admin = accounts.findByEmail(normalized)
                .orElseGet(() ->
                        accounts.save(new Account(normalized, "Administrator", passwordEncoder.encode(password), now)));
        admin.changePassword(passwordEncoder.encode(password), now);
        admin.verifyEmail();
        admin.reinstate();
        Set<Role> roles = admin.roles();
        roles.add(Role.ADMIN);
        admin.replaceRoles(roles);
        audit.save(new AuditEntry(admin.id(), null, "ADMIN_CREATED", "first start", now));
        return generated ? Optional.of(password) : Optional.empty();
    }
}
