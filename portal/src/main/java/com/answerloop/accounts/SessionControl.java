package com.answerloop.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/** Ends an account's sessions, e.g. when it is suspended, its roles change or its password is reset. */
@Component
class SessionControl {

    private static final Logger log = LoggerFactory.getLogger(SessionControl.class);

    private final SessionRegistry sessions;

    SessionControl(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    /** Expires every session of the account except the one with {@code keepSessionId} (may be null). */
    int endSessions(long accountId, String keepSessionId) {
        int ended = 0;
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof AccountUserDetails user && user.id() == accountId) {
                for (SessionInformation session : sessions.getAllSessions(principal, false)) {
                    if (!session.getSessionId().equals(keepSessionId)) {
                        session.expireNow();
                        ended++;
                    }
                }
            }
        }
        if (ended > 0) {
            log.info("Ended {} session(s) of account #{}", ended, accountId);
        }
        return ended;
    }
}
