package com.answerloop.capture;

/**
 * An editor resolved a flag on a document ("flag it or fix it"): fixed it, or decided it needed nothing.
 *
 * @param secondsOpen how long the flag waited, from the agent's flag to the editor's resolution
 */
public record ArticleFlagResolved(String documentKey, long secondsOpen) {}
