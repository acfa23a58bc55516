package com.answerloop.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/** The error page, in the site layout, for a refusal a handler explains in its own words (a limit, read-only mode). */
public final class ProblemPages {

    private ProblemPages() {}

    public static ModelAndView page(HttpStatus status, String title, String message) {
        ModelAndView page = new ModelAndView("error/error");
        page.setStatus(status);
        page.addObject("page", PageMeta.website(title, null, null));
        page.addObject("title", title);
        page.addObject("message", message);
        page.addObject("status", status.value());
        return page;
    }
}
