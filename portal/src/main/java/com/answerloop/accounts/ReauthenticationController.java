package com.answerloop.accounts;

import com.answerloop.shared.web.PageMeta;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The "confirm your password" page that {@link Reauthentication} sends an idle session to. */
@Controller
class ReauthenticationController {

    private final AccountManagement accounts;

    ReauthenticationController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/reauthenticate")
    String form(@RequestParam(name = "continue", required = false) String next, Model model) {
        return page(model, Reauthentication.safeContinue(next), null);
    }

    @PostMapping("/reauthenticate")
    String confirm(
            @AuthenticationPrincipal AccountUserDetails user,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(name = "continue", required = false) String next,
            HttpServletRequest request,
            Model model) {
        String target = Reauthentication.safeContinue(next);
        try {
            accounts.confirmPassword(user.id(), password);
        } catch (AccountProblem problem) {
            return page(model, target, problem.getMessage());
        }
        Reauthentication.confirmed(request.getSession());
        return "redirect:" + target;
    }

    private static String page(Model model, String next, String error) {
        model.addAttribute("page", PageMeta.website("Confirm your password", null, null));
        model.addAttribute("next", next);
        model.addAttribute("error", error);
        return "accounts/reauthenticate";
    }
}
