package com.answerloop.community;

/**
 * Privileges earned by reputation. New members may ask, answer, comment and vote up, with limits; members may also
 * flag; established members may also vote down, edit the tags of any question, and their flags count toward hiding
 * a post automatically. Moderators hold every privilege regardless of reputation.
 */
public enum TrustLevel {
    NEW("New member"),
    MEMBER("Member"),
    ESTABLISHED("Established member");

    private final String title;

    TrustLevel(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    boolean atLeast(TrustLevel other) {
        return compareTo(other) >= 0;
    }
}
