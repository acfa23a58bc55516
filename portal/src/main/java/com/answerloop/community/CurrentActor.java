package com.answerloop.community;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.Role;
import com.answerloop.accounts.Roles;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The signed-in member of the current request as an {@link Actor}, read fresh so role changes apply at once. */
@Component
class CurrentActor {

    private final AccountManagement accounts;

    CurrentActor(AccountManagement accounts) {
        this.accounts = accounts;
    }

    Optional<Actor> current() {
        return accounts.currentAccount().map(Actor::of);
    }

    /** The actor, or a 403 problem; URL security already sends anonymous visitors of state changes to sign in. */
    Actor required() {
        return current().orElseThrow(() -> CommunityProblem.forbidden("Sign in to do this."));
    }

    boolean isAdmin() {
        return Roles.currentReaderHolds(Role.ADMIN);
    }
}
