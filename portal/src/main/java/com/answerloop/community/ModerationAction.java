package com.answerloop.community;

import java.util.Locale;

/**
 * A moderator's decision on a post or a comment, named in the forms as its lower-case name ({@code action=hide}).
 * Hiding and upholding flags hide it; restoring, dismissing flags and approving (a held post) show it.
 */
enum ModerationAction {
    HIDE("HIDE", "HIDE_COMMENT"),
    UPHOLD("UPHOLD_FLAGS", "UPHOLD_COMMENT_FLAGS"),
    RESTORE("RESTORE", "RESTORE_COMMENT"),
    DISMISS("DISMISS", "DISMISS_COMMENT_FLAGS"),
    /** Only a post is held for review, so only a post is approved. */
    APPROVE("APPROVE", null);

    private final String postLogEntry;
    private final String commentLogEntry;

    ModerationAction(String postLogEntry, String commentLogEntry) {
        this.postLogEntry = postLogEntry;
        this.commentLogEntry = commentLogEntry;
    }

    /** The action a form names; anything else is refused with the message the forms always gave. */
    static ModerationAction of(String name) {
        return parse(ModerationAction.class, name);
    }

    boolean hides() {
        return this == HIDE || this == UPHOLD;
    }

    /** How the moderation log names this decision on a post. */
    String postLogEntry() {
        return postLogEntry;
    }

    /** How the moderation log names this decision on a comment; refused where a comment cannot take it. */
    String commentLogEntry() {
        if (commentLogEntry == null) {
            throw unknown();
        }
        return commentLogEntry;
    }

    /** The constant of {@code actions} whose lower-case name is {@code name}, exactly as the forms send it. */
    static <E extends Enum<E>> E parse(Class<E> actions, String name) {
        for (E action : actions.getEnumConstants()) {
            if (action.name().toLowerCase(Locale.ROOT).equals(name)) {
                return action;
            }
        }
        throw unknown();
    }

    private static CommunityProblem unknown() {
        return CommunityProblem.invalid("Unknown moderation action.");
    }
}
