package com.answerloop.community;

/** A moderator's decision on a whole thread, named in the forms as its lower-case name ({@code action=lock}). */
enum ThreadAction {
    LOCK,
    UNLOCK,
    REOPEN,
    CLOSE,
    MOVE,
    MERGE;

    /** The action a form names; anything else is refused as an unknown moderation action. */
    static ThreadAction of(String name) {
        return ModerationAction.parse(ThreadAction.class, name);
    }

    /** How the moderation log names this decision. */
    String logEntry() {
        return name();
    }
}
