package com.answerloop.community;

/**
 * Where a thread stands. Open threads take answers; answered ones have an accepted answer and still take answers;
 * closed threads take no new answers (with a reason, possibly a duplicate link); locked threads take nothing at all.
 */
public enum ThreadState {
    OPEN,
    ANSWERED,
    CLOSED,
    LOCKED
}
