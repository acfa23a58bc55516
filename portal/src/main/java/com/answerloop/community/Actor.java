package com.answerloop.community;

import com.answerloop.accounts.Role;
import com.answerloop.accounts.Roles;
import com.answerloop.accounts.UserAccount;
import java.time.Instant;

/** The signed-in member doing something in the forum, with the roles that matter here. */
record Actor(long id, String name, boolean moderator, boolean agent, Instant joined, boolean suspended) {

    static Actor of(UserAccount account) {
        return new Actor(
                account.id(),
                account.displayName(),
                Roles.holds(account, Role.MODERATOR),
                Roles.holds(account, Role.AGENT),
                account.joined(),
                account.suspended());
    }
}
