package com.answerloop.accounts;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a user may do. A user holds one or more roles; everyone holds {@link #MEMBER} (a "customer" is a member). This
 * enum is the one definition of the roles and of what each includes: Spring Security's role hierarchy is built from
 * it, and {@link Roles} answers every module's role question with it.
 */
public enum Role {
    MEMBER,
    MODERATOR,
    AGENT,
    EDITOR,
    ADMIN;

    /** The staff who may read internal knowledge: agents and editors (and so administrators). */
    static final Set<Role> INTERNAL_READERS = EnumSet.of(AGENT, EDITOR);

    /** Every account holds it, so it cannot be taken away. */
    public boolean heldByEveryone() {
        return this == MEMBER;
    }

    /** The Spring Security authority for this role, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether holding this role grants {@code other}: an administrator holds every staff role, staff are members. */
    public boolean includes(Role other) {
        return this == other || directlyIncluded().stream().anyMatch(r -> r.includes(other));
    }

    private Set<Role> directlyIncluded() {
        return switch (this) {
            case ADMIN -> EnumSet.of(MODERATOR, AGENT, EDITOR);
            case MODERATOR, AGENT, EDITOR -> EnumSet.of(MEMBER);
            case MEMBER -> EnumSet.noneOf(Role.class);
        };
    }

    /** The role hierarchy in Spring Security's notation ({@code ROLE_ADMIN > ROLE_AGENT}, one line each). */
    static String hierarchy() {
        return EnumSet.allOf(Role.class).stream()
                .flatMap(role -> role.directlyIncluded().stream().map(r -> role.authority() + " > " + r.authority()))
                .collect(Collectors.joining("\n"));
    }

    /** The role an authority names, or null for authorities that are not roles. */
    static Role ofAuthority(String authority) {
        for (Role role : values()) {
            if (role.authority().equals(authority)) {
                return role;
            }
        }
        return null;
    }
}
