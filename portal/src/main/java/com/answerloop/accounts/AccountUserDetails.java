package com.answerloop.accounts;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security holds it in the session. Equal by account id, so the session registry finds
 * every session of an account (to end them on suspension) even after the email changed.
 */
final class AccountUserDetails implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String email;
    private final String displayName;
    private String passwordHash;
    private final boolean verified;
    private final boolean suspended;
    private final List<SimpleGrantedAuthority> authorities;

    AccountUserDetails(Account account) {
        this.id = account.id();
        this.email = account.email();
        this.displayName = account.displayName();
        this.passwordHash = account.passwordHash();
        this.verified = account.emailVerified();
        this.suspended = account.suspended();
        this.authorities = account.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    long id() {
        return id;
    }

    String displayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !suspended;
    }

    @Override
    public boolean isEnabled() {
        return verified;
    }

    @Override
    public void eraseCredentials() {
        this.passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountUserDetails that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "Account #" + id;
    }
}
