package com.answerloop.shared.web;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** What the current reader may see. Internal knowledge is for agents, editors and admins. */
public final class Viewer {

    private static final Set<String> INTERNAL_READERS = Set.of("ROLE_AGENT", "ROLE_EDITOR", "ROLE_ADMIN");

    private Viewer() {}

    public static boolean canSeeInternal(Authentication authentication) {
        return authentication != null
                && authentication.isAuthenticated()
                && authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(INTERNAL_READERS::contains);
    }
}
