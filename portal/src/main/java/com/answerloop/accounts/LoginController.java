package com.answerloop.accounts;

import com.answerloop.shared.web.PageMeta;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the form's POST and the sign-out POST. */
@Controller
class LoginController {

    private static final Pattern MINUTES = Pattern.compile("[1-9][0-9]{0,3}");

    @GetMapping("/login")
    String login(@RequestParam(required = false) String throttled, Model model) {
        model.addAttribute("page", PageMeta.website("Sign in", "Sign in to Answerloop.", "/login"));
        // The lockout message shows a number only: anything else in the link is someone else's text.
        model.addAttribute("throttled", throttled != null);
        model.addAttribute(
                "throttledMinutes",
                throttled != null && MINUTES.matcher(throttled).matches() ? throttled : null);
        return "accounts/login";
    }
}
