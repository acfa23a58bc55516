package com.answerloop.community;

import com.answerloop.accounts.Role;
import com.answerloop.accounts.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** For every page a moderator sees: how many flagged or held posts wait, for the header's "Moderation" link. */
@ControllerAdvice
class ModerationQueueAdvice {

    private static final Logger log = LoggerFactory.getLogger(ModerationQueueAdvice.class);

    private final ModerationQueue queue;
    private final CurrentActor actors;

    ModerationQueueAdvice(ModerationQueue queue, CurrentActor actors) {
        this.queue = queue;
        this.actors = actors;
    }

    @ModelAttribute("moderationQueueCount")
    Long moderationQueueCount(Authentication authentication) {
        if (!Roles.holds(authentication, Role.MODERATOR)) {
            return null;
        }
        try {
            return actors.current().map(actor -> queue.size(actor)).orElse(null);
        } catch (RuntimeException e) {
            log.debug("Could not count the moderation queue", e);
            return null;
        }
    }
}
