package com.answerloop.capture;

import com.answerloop.accounts.Role;
import com.answerloop.accounts.Roles;
import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.ArticleState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** For every page an editor sees: how many drafts wait for review, for the header's "Review" link. */
@ControllerAdvice
class ReviewQueueAdvice {

    private static final Logger log = LoggerFactory.getLogger(ReviewQueueAdvice.class);

    private final ArticleManagement articles;

    ReviewQueueAdvice(ArticleManagement articles) {
        this.articles = articles;
    }

    @ModelAttribute("reviewQueueCount")
    Integer reviewQueueCount(Authentication authentication) {
        if (!Roles.holds(authentication, Role.EDITOR)) {
            return null;
        }
        try {
            return articles.inState(ArticleState.NOT_VALIDATED).size();
        } catch (RuntimeException e) {
            log.debug("Could not count the review queue", e);
            return null;
        }
    }
}
