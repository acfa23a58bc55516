package com.answerloop.cases;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.Role;
import com.answerloop.accounts.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** For every page an agent sees: how many open cases nobody has taken yet, for the header's "Cases" link. */
@ControllerAdvice
class AgentQueueAdvice {

    private static final Logger log = LoggerFactory.getLogger(AgentQueueAdvice.class);

    private final AgentDesk cases;
    private final AccountManagement accounts;

    AgentQueueAdvice(AgentDesk cases, AccountManagement accounts) {
        this.cases = cases;
        this.accounts = accounts;
    }

    @ModelAttribute("agentQueueCount")
    Integer agentQueueCount(Authentication authentication) {
        if (!Roles.holds(authentication, Role.AGENT)) {
            return null;
        }
        try {
            return accounts.currentAccount()
                    .map(agent -> cases.queue(AgentDesk.Queue.UNASSIGNED, agent, null, null, null)
                            .size())
                    .orElse(null);
        } catch (RuntimeException e) {
            // a count in the header must never break the page
            log.debug("Could not count the case queue", e);
            return null;
        }
    }
}
