package com.answerloop.accounts;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Test fixture for other modules' tests: creates verified accounts with roles and signs them in the way the login form
 * would (the principal is the real {@link AccountUserDetails}), so pages see a real current account. Add it with
 * {@code @Import(TestAccounts.class)}.
 */
public class TestAccounts {

    private final Accounts accounts;
    private final AccountManagement management;
    private final AccountUserDetailsService userDetails;
    private final PasswordEncoder passwordEncoder;

    TestAccounts(
            Accounts accounts,
            AccountManagement management,
            AccountUserDetailsService userDetails,
            PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.management = management;
        this.userDetails = userDetails;
        this.passwordEncoder = passwordEncoder;
    }

    /** A verified account with these roles (member always), created once per address. */
    @Transactional
    public UserAccount account(String email, String displayName, Role... roles) {
        Account account = accounts.findByEmail(Account.normalizeEmail(email))
                .orElseGet(() -> accounts.save(
                        new Account(email, displayName, passwordEncoder.encode("not-used-" + email), Instant.now())));
        account.verifyEmail();
        Set<Role> all = EnumSet.of(Role.MEMBER);
        all.addAll(Set.of(roles));
        account.replaceRoles(all);
        return account.toView();
    }

    /** Changes display name and "about" text through the service the profile settings form uses. */
    @Transactional
    public void updateProfile(long accountId, String displayName, String about) {
        management.updateProfile(accountId, displayName, about);
    }

    /** The authentication a successful sign-in of this account produces. */
    public Authentication signedIn(UserAccount account) {
        UserDetails details = userDetails.loadUserByUsername(account.email());
        return UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
    }
}
