package com.answerloop.accounts;

import com.answerloop.shared.mail.Mailer;
import com.answerloop.shared.web.PageMeta;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Forgot your password?": request an emailed link, then choose a new password with it. */
@Controller
class PasswordResetController {

    private final AccountManagement accounts;
    private final Mailer mailer;

    PasswordResetController(AccountManagement accounts, Mailer mailer) {
        this.accounts = accounts;
        this.mailer = mailer;
    }

    @GetMapping("/password-reset")
    String requestForm(Model model) {
        model.addAttribute("page", PageMeta.website("Reset your password", null, "/password-reset"));
        return "accounts/password-reset-request";
    }

    @PostMapping("/password-reset")
    String request(@RequestParam(defaultValue = "") String email, Model model) {
        accounts.requestPasswordReset(email);
        return Pages.notice(
                model,
                "Check your email",
                "If an account uses that address, we sent it a link to choose a new password. The link works once"
                        + " and expires in an hour."
                        + Pages.undeliveredMailHint(mailer.deliversMail()),
                "/login",
                "Back to sign in");
    }

    @GetMapping("/password-reset/confirm")
    String newPasswordForm(@RequestParam(defaultValue = "") String token, Model model) {
        if (!accounts.resetTokenUsable(token)) {
            return invalidLink(model);
        }
        return newPasswordPage(model, token, null);
    }

    @PostMapping("/password-reset/confirm")
    String reset(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String password,
            Model model) {
        if (!accounts.resetTokenUsable(token)) {
            return invalidLink(model);
        }
        try {
            accounts.resetPassword(token, password);
        } catch (AccountProblem problem) {
            return newPasswordPage(model, token, problem.getMessage());
        }
        return "redirect:/login?reset";
    }

    private static String newPasswordPage(Model model, String token, String error) {
        model.addAttribute("page", PageMeta.website("Choose a new password", null, null));
        model.addAttribute("token", token);
        model.addAttribute("error", error);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        model.addAttribute("maxLength", PasswordPolicy.MAX_LENGTH);
        return "accounts/password-reset";
    }

    private static String invalidLink(Model model) {
        return Pages.notice(
                model,
                "Link not valid",
                "This password reset link is invalid, was already used or has expired. Request a new one.",
                "/password-reset",
                "Request a new link");
    }
}
