package com.answerloop.accounts;

import com.answerloop.shared.web.PageMeta;
import org.springframework.ui.Model;

/** Shared helpers for the accounts pages. */
final class Pages {

    private Pages() {}

    /** Renders the generic notice page with a title, a message and an optional link onwards. */
    static String notice(Model model, String title, String message, String linkPath, String linkText) {
        model.addAttribute("page", PageMeta.website(title, null, null));
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        model.addAttribute("linkPath", linkPath);
        model.addAttribute("linkText", linkText);
        return "accounts/notice";
    }

    /** Appended to "check your email" notices when mail is not delivered: where the message can be found instead. */
    static String undeliveredMailHint(boolean deliversMail) {
        return deliversMail
                ? ""
                : " (This portal has no mail server configured: whoever runs it finds the message in the portal's"
                        + " log.)";
    }
}
