package com.answerloop.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The secret links that open one case without signing in: each mail about a case carries a fresh one, valid for
 * {@code answerloop.cases.access-link-validity} from that mail (so a case that keeps getting answers keeps a working
 * link), and the customer or an agent can revoke every link of the case at once.
 */
@Component
class CaseAccessLinks {

    private static final Logger log = LoggerFactory.getLogger(CaseAccessLinks.class);

    private final CaseAccessTokens tokens;
    private final CasesSettings settings;
    private final Clock clock;

    CaseAccessLinks(CaseAccessTokens tokens, CasesSettings settings, Clock clock) {
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new link for a mail about the case; the path of the request page it opens. */
    String issue(long caseId, Instant now) {
        String token = CaseAccessToken.newToken();
        tokens.save(new CaseAccessToken(caseId, CaseAccessToken.hash(token), now));
        return "/requests/access/" + token;
    }

    /** The case the token opens, if it is known, not revoked and not older than the validity. */
    Optional<Long> caseOf(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        Instant oldestValid = clock.instant().minus(settings.accessLinkValidity());
        return tokens.findByTokenHash(CaseAccessToken.hash(token))
                .filter(found -> found.createdAt().isAfter(oldestValid))
                .map(CaseAccessToken::caseId);
    }

    /** Ends every link to the case; the next mail about it brings a new one. */
    int revokeAll(long caseId, String by) {
        int revoked = tokens.deleteByCaseId(caseId);
        log.info("{} revoked {} access link(s) of case #{}", by, revoked, caseId);
        return revoked;
    }
}
