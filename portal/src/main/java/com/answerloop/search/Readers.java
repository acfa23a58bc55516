package com.answerloop.search;

import com.answerloop.accounts.Roles;

/** Who is searching, as far as visibility goes: agents, editors and admins also see internal documents. */
final class Readers {

    /** Asks {@code accounts}, which decides who reads internal knowledge. */
    static boolean seesInternal() {
        return Roles.currentReaderSeesInternal();
    }

    private Readers() {}
}
