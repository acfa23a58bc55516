package com.answerloop.accounts;

import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends an account's sessions, e.g. when it is suspended, its roles change or its password is reset. In cluster mode
 * the sessions live in the database (Spring Session JDBC), where sessions signed in on any node are found by the
 * account's name and deleted; this node's registry only knows the ones signed in here.
 */
@Component
class SessionControl {

    private static final Logger log = LoggerFactory.getLogger(SessionControl.class);

    private final SessionRegistry sessions;
    private final Accounts accounts;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sharedSessions;

    SessionControl(
            SessionRegistry sessions,
            Accounts accounts,
            ObjectProvider<FindByIndexNameSessionRepository<?>> sharedSessions) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.sharedSessions = sharedSessions;
    }

    /** Expires every session of the account except the one with {@code keepSessionId} (may be null). */
    int endSessions(long accountId, String keepSessionId) {
        Set<String> ended = new HashSet<>();
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof AccountUserDetails user && user.id() == accountId) {
                for (SessionInformation session : sessions.getAllSessions(principal, false)) {
                    if (!session.getSessionId().equals(keepSessionId)) {
                        session.expireNow();
                        ended.add(session.getSessionId());
                    }
                }
            }
        }
        FindByIndexNameSessionRepository<?> shared = sharedSessions.getIfAvailable();
        if (shared != null) {
            accounts.findById(accountId).ifPresent(account -> {
                for (String sessionId :
                        shared.findByPrincipalName(account.email()).keySet()) {
                    if (!sessionId.equals(keepSessionId)) {
                        shared.deleteById(sessionId);
                        ended.add(sessionId);
                    }
                }
            });
        }
        if (!ended.isEmpty()) {
            log.info("Ended {} session(s) of account #{}", ended.size(), accountId);
        }
        return ended.size();
    }
}
