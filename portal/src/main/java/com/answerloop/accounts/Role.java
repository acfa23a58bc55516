package com.answerloop.accounts;

/**
 * What a user may do. A user holds one or more roles; everyone holds {@link #MEMBER} (a "customer" is a member). Other
 * modules check the Spring Security authorities, {@code ROLE_MEMBER} ... {@code ROLE_ADMIN}.
 */
public enum Role {
    MEMBER,
    MODERATOR,
    AGENT,
    EDITOR,
    ADMIN;

    /** The Spring Security authority for this role, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
