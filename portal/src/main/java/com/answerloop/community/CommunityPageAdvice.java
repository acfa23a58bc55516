package com.answerloop.community;

import com.answerloop.shared.web.PageMeta;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * For every page: the unread notification count the layout shows. For the forum's pages: a refused action renders a
 * page that says why (with its status, and Retry-After when rate-limited).
 */
@ControllerAdvice
class CommunityPageAdvice {

    private static final Logger log = LoggerFactory.getLogger(CommunityPageAdvice.class);

    private final Subscriptions subscriptions;
    private final CurrentActor actors;

    CommunityPageAdvice(Subscriptions subscriptions, CurrentActor actors) {
        this.subscriptions = subscriptions;
        this.actors = actors;
    }

    @ModelAttribute("communityUnread")
    Long communityUnread(Authentication authentication) {
        if (authentication == null) {
            // anonymous readers have no notifications; looking them up cost a database transaction on every request
            return null;
        }
        try {
            return actors.current().map(a -> subscriptions.unreadCount(a.id())).orElse(null);
        } catch (RuntimeException e) {
            // The count is a nicety: a page must still render if it cannot be read.
            log.debug("Could not count notifications", e);
            return null;
        }
    }

    @ControllerAdvice(
            assignableTypes = {
                ThreadListController.class,
                ThreadController.class,
                AskController.class,
                PostController.class,
                NotificationController.class,
                RecognitionController.class,
                ModerationController.class,
                TopicAdminController.class
            })
    static class Problems {

        @ExceptionHandler(CommunityProblem.class)
        String problem(CommunityProblem problem, Model model, HttpServletResponse response) {
            response.setStatus(problem.status());
            if (problem.retryAfterSeconds() > 0) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
            }
            String title = switch (problem.kind()) {
                case NOT_FOUND -> "Not found";
                case FORBIDDEN -> "Not allowed";
                case RATE_LIMITED -> "Slow down";
                default -> "That did not work";
            };
            model.addAttribute("page", PageMeta.website(title, null, null));
            model.addAttribute("title", title);
            model.addAttribute("message", problem.getMessage());
            return "community/problem";
        }
    }
}
