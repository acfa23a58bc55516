package com.answerloop.accounts;

import java.util.List;

/**
 * Implemented by a higher module (community) to show a user's standing on their profile page, so accounts does not
 * depend on the forum.
 */
public interface ProfileHighlights {

    /** The user's reputation points. */
    long reputationOf(long accountId);

    /** Names of the badges the user earned. */
    List<String> badgesOf(long accountId);
}
