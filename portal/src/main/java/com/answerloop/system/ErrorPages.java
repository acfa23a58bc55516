package com.answerloop.system;

import com.answerloop.shared.web.PageMeta;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Error pages in the site layout with a message a reader can act on. The technical cause stays
 * in the log; only messages we wrote ourselves (the reason of a 404) reach the page, escaped.
 */
@Component
class ErrorPages implements ErrorViewResolver {

    /** Request attribute a controller sets to explain a 4xx in its own words. */
    static final String ERROR_MESSAGE = com.answerloop.shared.web.PageMeta.ERROR_MESSAGE_ATTRIBUTE;

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Map<String, Object> view = new HashMap<>(model);
        String title = switch (status) {
            case NOT_FOUND -> "Page not found";
            case FORBIDDEN -> "Access denied";
            case BAD_REQUEST -> "Bad request";
            default -> status.is5xxServerError() ? "Something went wrong" : status.getReasonPhrase();
        };
        String message = switch (status) {
            case NOT_FOUND -> "We couldn't find the page you were looking for.";
            case FORBIDDEN -> "You don't have permission to see this page.";
            default ->
                status.is5xxServerError()
                        ? "Something went wrong on our side. Please try again in a moment."
                        : "We couldn't handle that request.";
        };
        Object reason = request.getAttribute(ERROR_MESSAGE);
        if (status.is4xxClientError() && reason instanceof String text && !text.isBlank() && text.length() < 200) {
            message = text;
        }
        view.put("status", status.value());
        view.put("title", title);
        view.put("message", message);
        view.put("page", PageMeta.website(title, message, null));
        return new ModelAndView("error/error", view, status);
    }
}
