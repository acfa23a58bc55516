package com.answerloop.accounts;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** A registered user: sign-in address, password hash, public profile, roles and suspension state. */
@Entity
@Table(name = "accounts")
class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "display_name", nullable = false, length = 60)
    private String displayName;

    /** {@link DisplayNames#key}: equal for names that look alike. */
    @Column(name = "display_name_key", length = 240)
    private String displayNameKey;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(length = 2000)
    private String about;

    @Column(name = "email_verified", nullable = false)
    private boolean emailVerified;

    @Column(nullable = false)
    private boolean suspended;

    @Column(name = "suspension_reason", length = 500)
    private String suspensionReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_roles", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role", length = 20)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    protected Account() {}

    Account(String email, String displayName, String passwordHash, Instant now) {
        this.email = normalizeEmail(email);
        this.displayName = displayName.strip();
        this.displayNameKey = DisplayNames.key(this.displayName);
        this.passwordHash = passwordHash;
        this.createdAt = now;
        this.passwordChangedAt = now;
        this.roles.add(Role.MEMBER);
    }

    static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    Long id() {
        return id;
    }

    String email() {
        return email;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    String about() {
        return about;
    }

    boolean emailVerified() {
        return emailVerified;
    }

    boolean suspended() {
        return suspended;
    }

    String suspensionReason() {
        return suspensionReason;
    }

    Instant createdAt() {
        return createdAt;
    }

    Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    void verifyEmail() {
        this.emailVerified = true;
    }

    void changeEmail(String newEmail) {
        this.email = normalizeEmail(newEmail);
        this.emailVerified = true;
    }

    void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
    }

    void updateProfile(String displayName, String about) {
        this.displayName = displayName.strip();
        this.displayNameKey = DisplayNames.key(this.displayName);
        this.about = about == null || about.isBlank() ? null : about.strip();
    }

    void replaceRoles(Set<Role> newRoles) {
        roles.clear();
        roles.addAll(newRoles);
        // Every user is a member; the other roles add to it.
        roles.add(Role.MEMBER);
    }

    void suspend(String reason) {
        this.suspended = true;
        this.suspensionReason = reason;
    }

    void reinstate() {
        this.suspended = false;
        this.suspensionReason = null;
    }

    UserAccount toView() {
        return new UserAccount(id, email, displayName, roles(), createdAt, suspended);
    }
}
