package com.answerloop.accounts;

import com.answerloop.shared.PortalSettings;
import com.answerloop.shared.mail.Mailer;
import com.answerloop.shared.mail.OutgoingMail;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts module's entry point: other modules look users up here ({@link #findById}, {@link #findByEmail},
 * {@link #currentAccount}); the module's own pages register, verify, recover and administer accounts.
 */
@Service
@Transactional(noRollbackFor = AccountProblem.class)
public class AccountManagement {

    private static final Logger log = LoggerFactory.getLogger(AccountManagement.class);

    private final Accounts accounts;
    private final AccountTokens tokens;
    private final AuditEntries audit;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final Mailer mailer;
    private final PortalSettings portal;
    private final AccountSettings settings;
    private final SessionControl sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountManagement(
            Accounts accounts,
            AccountTokens tokens,
            AuditEntries audit,
            PasswordEncoder passwordEncoder,
            PasswordPolicy passwordPolicy,
            Mailer mailer,
            PortalSettings portal,
            AccountSettings settings,
            SessionControl sessions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.audit = audit;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.mailer = mailer;
        this.portal = portal;
        this.settings = settings;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    // ---- read-only API for other modules

    @Transactional(readOnly = true)
    public Optional<UserAccount> findById(long id) {
        return accounts.findById(id).map(Account::toView);
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> findByEmail(String email) {
        return accounts.findByEmail(Account.normalizeEmail(email)).map(Account::toView);
    }

    /** The signed-in user of the current request, if any. */
    @Transactional(readOnly = true)
    public Optional<UserAccount> currentAccount() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AccountUserDetails user) {
            return findById(user.id());
        }
        return Optional.empty();
    }

    // ---- registration and email verification

    /**
     * What a registration with these entries would refuse, each with its field: the password rules and the display
     * name rules, so the form can show every problem at once rather than one per try.
     */
    List<AccountProblem> registrationProblems(String email, String displayName, String password) {
        List<AccountProblem> problems = new ArrayList<>();
        // a field left out of the form is checked as empty (the form says so itself)
        String name = displayName == null ? "" : displayName;
        passwordPolicy
                .problemWith(password == null ? "" : password, Account.normalizeEmail(email), name)
                .ifPresent(problem -> problems.add(new AccountProblem(problem)));
        DisplayNames.problemWith(name, accounts::existsByDisplayNameKey)
                .ifPresent(problem -> problems.add(new AccountProblem(AccountProblem.Field.DISPLAY_NAME, problem)));
        return problems;
    }

    /**
     * Registers an account and emails a verification link. If the email is taken, the owner gets a notice instead and
     * the caller sees the same outcome, so the form does not reveal who has an account.
     */
    void register(String email, String displayName, String password) {
        String normalized = Account.normalizeEmail(email);
        registrationProblems(email, displayName, password).stream().findFirst().ifPresent(problem -> {
            throw problem;
        });
        Optional<Account> existing = accounts.findByEmail(normalized);
        // Hash on both paths: the hash is most of a registration's cost, so skipping it for a taken address would
        // tell by the response time who has an account.
        String passwordHash = passwordEncoder.encode(password);
        if (existing.isPresent()) {
            mailer.send(new OutgoingMail(normalized, "Someone tried to register with your email address", """
                    Hello %s,

                    Someone (perhaps you) tried to register an Answerloop account with this email address, \
                    but it already has an account. If it was you, sign in at %s or reset your password at %s.
                    If it was not you, you can ignore this message.
                    """.formatted(
                            existing.get().displayName(),
                            portal.absoluteUrl("/login"),
                            portal.absoluteUrl("/password-reset"))));
            log.info(
                    "Registration attempt for an existing account #{}",
                    existing.get().id());
            return;
        }
        Instant now = clock.instant();
        Account account = accounts.save(new Account(normalized, displayName, passwordHash, now));
        audit.save(new AuditEntry(account.id(), account.id(), "REGISTERED", null, now));
        sendVerification(account);
        events.publishEvent(new AccountRegistered(account.id(), account.email(), account.displayName(), now));
        log.info("Account #{} registered", account.id());
    }

    /** Sends a fresh verification link if the address belongs to an unverified account; silent otherwise. */
    void resendVerification(String email) {
        accounts.findByEmail(Account.normalizeEmail(email))
                .filter(account -> !account.emailVerified())
                .ifPresent(this::sendVerification);
    }

    /** Verifies the email the token was sent to; false when the link is unknown, used or expired. */
    boolean verifyEmail(String token) {
        return useToken(token, TokenPurpose.VERIFY_EMAIL)
                .map(found -> {
                    Account account = accounts.findById(found.accountId()).orElseThrow();
                    account.verifyEmail();
                    audit.save(new AuditEntry(account.id(), account.id(), "EMAIL_VERIFIED", null, clock.instant()));
                    log.info("Account #{} verified its email", account.id());
                    return true;
                })
                .orElse(false);
    }

    private void sendVerification(Account account) {
        String token = issueToken(account, TokenPurpose.VERIFY_EMAIL, null, settings.verificationLinkValidity());
        mailer.send(new OutgoingMail(account.email(), "Confirm your email address for Answerloop", """
                Hello %s,

                Please confirm your email address to finish creating your Answerloop account:

                %s

                The link works once and expires in %s. If you did not register, ignore this message.
                """.formatted(
                        account.displayName(),
                        portal.absoluteUrl("/verify-email?token=" + url(token)),
                        describe(settings.verificationLinkValidity()))));
    }

    // ---- password reset

    /** Emails a reset link if an account has this address; silent otherwise, so the form does not reveal accounts. */
    void requestPasswordReset(String email) {
        Optional<Account> found = accounts.findByEmail(Account.normalizeEmail(email));
        if (found.isEmpty()) {
            log.info("Password reset requested for an unknown address");
            return;
        }
        Account account = found.get();
        String token = issueToken(account, TokenPurpose.RESET_PASSWORD, null, settings.resetLinkValidity());
        mailer.send(new OutgoingMail(account.email(), "Reset your Answerloop password", """
                Hello %s,

                Someone (hopefully you) asked to reset the password of your Answerloop account. Choose a new \
                password here:

                %s

                The link works once and expires in %s. If you did not ask for this, ignore this message: your \
                password stays the same.
                """.formatted(
                        account.displayName(),
                        portal.absoluteUrl("/password-reset/confirm?token=" + url(token)),
                        describe(settings.resetLinkValidity()))));
        log.info("Password reset link sent to account #{}", account.id());
    }

    @Transactional(readOnly = true)
    boolean resetTokenUsable(String token) {
        return findToken(token, TokenPurpose.RESET_PASSWORD).isPresent();
    }

    /** Sets a new password with a reset link; ends all sessions of the account and voids other reset links. */
    void resetPassword(String token, String newPassword) {
        AccountToken found = findToken(token, TokenPurpose.RESET_PASSWORD)
                .orElseThrow(() -> new AccountProblem(
                        "This password reset link is invalid, was already used or has expired. Request a new one."));
        Account account = accounts.findById(found.accountId()).orElseThrow();
        passwordPolicy
                .problemWith(newPassword, account.email(), account.displayName())
                .ifPresent(problem -> {
                    throw new AccountProblem(problem);
                });
        Instant now = clock.instant();
        found.use(now);
        tokens.useAll(account.id(), TokenPurpose.RESET_PASSWORD, now);
        account.changePassword(passwordEncoder.encode(newPassword), now);
        // Whoever could reach the mailbox proved ownership of the address.
        account.verifyEmail();
        audit.save(new AuditEntry(account.id(), account.id(), "PASSWORD_RESET", null, now));
        sessions.endSessions(account.id(), null);
        log.info("Account #{} reset its password", account.id());
    }

    // ---- the signed-in user's settings

    void updateProfile(long accountId, String displayName, String about) {
        Account account = accounts.findById(accountId).orElseThrow();
        DisplayNames.problemWith(displayName, key -> accounts.existsByDisplayNameKeyAndIdNot(key, accountId))
                .ifPresent(problem -> {
                    throw new AccountProblem(AccountProblem.Field.DISPLAY_NAME, problem);
                });
        account.updateProfile(displayName, about);
    }

    /** Changes the password after checking the current one; ends the account's other sessions. */
    void changePassword(long accountId, String currentPassword, String newPassword, String currentSessionId) {
        Account account = accounts.findById(accountId).orElseThrow();
        requireCurrentPassword(account, currentPassword);
        passwordPolicy
                .problemWith(newPassword, account.email(), account.displayName())
                .ifPresent(problem -> {
                    throw new AccountProblem(problem);
                });
        Instant now = clock.instant();
        account.changePassword(passwordEncoder.encode(newPassword), now);
        audit.save(new AuditEntry(account.id(), account.id(), "PASSWORD_CHANGED", null, now));
        sessions.endSessions(account.id(), currentSessionId);
        mailer.send(new OutgoingMail(account.email(), "Your Answerloop password was changed", """
                Hello %s,

                The password of your Answerloop account was just changed. If this was not you, reset it now at %s.
                """.formatted(
                        account.displayName(), portal.absoluteUrl("/password-reset"))));
    }

    /** Sends a confirmation link to the new address after checking the current password; the email changes on click. */
    void requestEmailChange(long accountId, String currentPassword, String newEmail) {
        Account account = accounts.findById(accountId).orElseThrow();
        requireCurrentPassword(account, currentPassword);
        String normalized = Account.normalizeEmail(newEmail);
        if (normalized.equals(account.email())) {
            throw new AccountProblem("That is already your email address.");
        }
        if (accounts.existsByEmail(normalized)) {
            throw new AccountProblem("Another account already uses that email address.");
        }
        String token = issueToken(account, TokenPurpose.CHANGE_EMAIL, normalized, settings.verificationLinkValidity());
        mailer.send(new OutgoingMail(normalized, "Confirm your new email address for Answerloop", """
                Hello %s,

                Please confirm that this is the new email address of your Answerloop account:

                %s

                The link works once and expires in %s. If you did not ask for this, ignore this message.
                """.formatted(
                        account.displayName(),
                        portal.absoluteUrl("/account/email/confirm?token=" + url(token)),
                        describe(settings.verificationLinkValidity()))));
        audit.save(new AuditEntry(account.id(), account.id(), "EMAIL_CHANGE_REQUESTED", normalized, clock.instant()));
    }

    /** Switches to the new address; false when the link is unknown, used or expired. */
    boolean confirmEmailChange(String token) {
        Optional<AccountToken> found = useToken(token, TokenPurpose.CHANGE_EMAIL);
        if (found.isEmpty()) {
            return false;
        }
        Account account = accounts.findById(found.get().accountId()).orElseThrow();
        String newEmail = found.get().newEmail();
        if (accounts.existsByEmail(newEmail)) {
            throw new AccountProblem("Another account already uses that email address.");
        }
        String oldEmail = account.email();
        account.changeEmail(newEmail);
        audit.save(new AuditEntry(
                account.id(), account.id(), "EMAIL_CHANGED", oldEmail + " -> " + newEmail, clock.instant()));
        mailer.send(new OutgoingMail(
                oldEmail, "Your Answerloop email address was changed", """
                Hello %s,

                Your Answerloop account now uses a different email address. If this was not you, contact the \
                site administrators.
                """.formatted(account.displayName())));
        // Sessions hold the old address as the user name; sign in again with the new one.
        sessions.endSessions(account.id(), null);
        return true;
    }

    // ---- for the module's pages

    @Transactional(readOnly = true)
    Optional<Account> account(long id) {
        return accounts.findById(id);
    }

    /** Re-authentication before a sensitive action: the signed-in user's password, checked again. */
    void confirmPassword(long accountId, String password) {
        requireCurrentPassword(accounts.findById(accountId).orElseThrow(), password);
    }

    // ---- helpers

    private void requireCurrentPassword(Account account, String currentPassword) {
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
            audit.save(new AuditEntry(account.id(), account.id(), "REAUTH_FAILED", null, clock.instant()));
            throw new AccountProblem("Your current password is not correct.");
        }
    }

    private String issueToken(Account account, TokenPurpose purpose, String newEmail, Duration validity) {
        String token = EmailTokens.newToken();
        Instant now = clock.instant();
        tokens.save(
                new AccountToken(account.id(), purpose, EmailTokens.hash(token), newEmail, now, now.plus(validity)));
        return token;
    }

    private Optional<AccountToken> findToken(String token, TokenPurpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(EmailTokens.hash(token))
                .filter(found -> found.purpose() == purpose)
                .filter(found -> found.usableAt(clock.instant()));
    }

    private Optional<AccountToken> useToken(String token, TokenPurpose purpose) {
        Optional<AccountToken> found = findToken(token, purpose);
        found.ifPresent(t -> t.use(clock.instant()));
        return found;
    }

    private static String url(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static String describe(Duration duration) {
        if (duration.toHours() >= 1 && duration.toMinutesPart() == 0) {
            long hours = duration.toHours();
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        long minutes = duration.toMinutes();
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
