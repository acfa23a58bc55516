package com.answerloop.accounts;

import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The one place other modules ask about the reader's roles (the URL rules in {@link SecurityConfiguration} use the same
 * {@link Role} hierarchy). Modules never read authorities themselves; {@code ArchitectureRulesTests} checks it.
 */
public final class Roles {

    private Roles() {}

    /** Whether the signed-in reader holds the role, directly or through a role that includes it. */
    public static boolean holds(Authentication authentication, Role role) {
        return authentication != null
                && authentication.isAuthenticated()
                && authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .map(Role::ofAuthority)
                        .filter(Objects::nonNull)
                        .anyMatch(held -> held.includes(role));
    }

    /** Whether the account holds the role, directly or through a role that includes it. */
    public static boolean holds(UserAccount account, Role role) {
        return account.roles().stream().anyMatch(held -> held.includes(role));
    }

    /** Whether the reader may see internal knowledge (agents, editors, administrators). */
    public static boolean seesInternal(Authentication authentication) {
        return Role.INTERNAL_READERS.stream().anyMatch(role -> holds(authentication, role));
    }

    /** {@link #seesInternal(Authentication)} for the current request's reader. */
    public static boolean currentReaderSeesInternal() {
        return seesInternal(SecurityContextHolder.getContext().getAuthentication());
    }

    /** {@link #holds(Authentication, Role)} for the current request's reader. */
    public static boolean currentReaderHolds(Role role) {
        return holds(SecurityContextHolder.getContext().getAuthentication(), role);
    }
}
