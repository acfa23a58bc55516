package com.answerloop.search;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is searching, as far as visibility goes: agents, editors and admins also see internal documents. */
final class Readers {

    private static final Set<String> INTERNAL_ROLES = Set.of("ROLE_AGENT", "ROLE_EDITOR", "ROLE_ADMIN");

    static boolean seesInternal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(INTERNAL_ROLES::contains);
    }

    private Readers() {}
}
