package com.answerloop.accounts;

import com.answerloop.shared.web.PageMeta;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the form's POST and the sign-out POST. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String throttled, Model model) {
        model.addAttribute("page", PageMeta.website("Sign in", "Sign in to Answerloop.", "/login"));
        model.addAttribute("throttledMinutes", throttled);
        return "accounts/login";
    }
}
