package com.answerloop.shared.web;

import com.answerloop.shared.PortalSettings;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Values the site layout needs on every page. */
@ControllerAdvice
class LayoutModel {

    private final String baseUrl;

    LayoutModel(PortalSettings portal) {
        this.baseUrl = portal.absoluteUrl("/").replaceAll("/$", "");
    }

    /** The public base URL without a trailing slash, for canonical and Open Graph URLs. */
    @ModelAttribute("siteBaseUrl")
    String siteBaseUrl() {
        return baseUrl;
    }
}
