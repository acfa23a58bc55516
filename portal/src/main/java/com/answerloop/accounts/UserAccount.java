package com.answerloop.accounts;

import java.time.Instant;
import java.util.Set;

/**
 * A read-only view of a user for other modules.
 *
 * @param id the account id, stable for the account's life (the email can change)
 * @param email the verified sign-in address
 * @param displayName the public name shown next to posts
 * @param roles every role the user holds, always including {@link Role#MEMBER}
 * @param joined when the account was registered
 * @param suspended whether an administrator has suspended the account
 */
public record UserAccount(
        long id, String email, String displayName, Set<Role> roles, Instant joined, boolean suspended) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
