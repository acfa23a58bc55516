package com.answerloop.accounts;

import com.answerloop.shared.mail.Mailer;
import com.answerloop.shared.ratelimit.RateLimits;
import com.answerloop.shared.web.PageMeta;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Registration and email verification pages. Verification links open a page whose button does the change (POST). */
@Controller
class RegistrationController {

    private final AccountManagement accounts;
    private final Mailer mailer;

    RegistrationController(AccountManagement accounts, Mailer mailer) {
        this.accounts = accounts;
        this.mailer = mailer;
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", RegistrationForm.empty());
        return registrationPage(model);
    }

    @PostMapping("/register")
    String register(
            @Valid @ModelAttribute("form") RegistrationForm form,
            BindingResult errors,
            Model model,
            HttpServletRequest request) {
        if (errors.hasErrors()) {
            // every refused field in one answer: the form's own checks, and the password and display name rules
            rejectAll(errors, form);
            RateLimits.nothingSent(request);
            return registrationPage(model);
        }
        try {
            accounts.register(form.email(), form.displayName(), form.password());
        } catch (AccountProblem problem) {
            // register stops at the first rule broken: show every one (and a name taken since, if that was it)
            rejectAll(errors, form);
            reject(errors, problem);
            RateLimits.nothingSent(request);
            return registrationPage(model);
        }
        return "redirect:/register/check-email";
    }

    private void rejectAll(BindingResult errors, RegistrationForm form) {
        accounts.registrationProblems(form.email(), form.displayName(), form.password())
                .forEach(problem -> reject(errors, problem));
    }

    /** Shows the problem under its field, unless the field already says what is wrong with it. */
    private static void reject(BindingResult errors, AccountProblem problem) {
        String field = problem.field() == AccountProblem.Field.DISPLAY_NAME ? "displayName" : "password";
        if (!errors.hasFieldErrors(field)) {
            errors.rejectValue(field, "policy", problem.getMessage());
        }
    }

    @GetMapping("/register/check-email")
    String checkEmail(Model model) {
        return Pages.notice(
                model,
                "Check your email",
                "We sent you a link to confirm your email address. Open it to finish creating your account; it"
                        + " expires in a day." + outboxHint(),
                "/login",
                "Go to sign in");
    }

    @GetMapping("/verify-email")
    String confirmPage(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("page", PageMeta.website("Confirm your email address", null, null));
        model.addAttribute("token", token);
        return "accounts/verify-email";
    }

    @PostMapping("/verify-email")
    String verify(@RequestParam(defaultValue = "") String token, Model model) {
        if (accounts.verifyEmail(token)) {
            return "redirect:/login?verified";
        }
        model.addAttribute("page", PageMeta.website("Link not valid", null, null));
        model.addAttribute("token", "");
        model.addAttribute("invalid", true);
        return "accounts/verify-email";
    }

    @PostMapping("/verify-email/resend")
    String resend(@RequestParam(defaultValue = "") String email, Model model) {
        accounts.resendVerification(email);
        return Pages.notice(
                model,
                "Check your email",
                "If that address belongs to an account that is not confirmed yet, we sent a new confirmation link."
                        + outboxHint(),
                "/login",
                "Go to sign in");
    }

    private String outboxHint() {
        return Pages.undeliveredMailHint(mailer.deliversMail());
    }

    private static String registrationPage(Model model) {
        model.addAttribute(
                "page", PageMeta.website("Create an account", "Join the Answerloop community.", "/register"));
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        model.addAttribute("maxLength", PasswordPolicy.MAX_LENGTH);
        return "accounts/register";
    }
}
