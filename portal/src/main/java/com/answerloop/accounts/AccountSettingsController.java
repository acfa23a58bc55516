package com.answerloop.accounts;

import com.answerloop.shared.web.PageMeta;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's own settings: public profile, password and email. Changing the password or the email asks for
 * the current password again.
 */
@Controller
class AccountSettingsController {

    private final AccountManagement accounts;

    AccountSettingsController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account")
    String settings(@AuthenticationPrincipal AccountUserDetails user, Model model) {
        Account account = accounts.account(user.id()).orElseThrow();
        if (!model.containsAttribute("profile")) {
            model.addAttribute("profile", new ProfileForm(account.displayName(), account.about()));
        }
        return page(model, account);
    }

    @PostMapping("/account/profile")
    String updateProfile(
            @AuthenticationPrincipal AccountUserDetails user,
            @Valid @ModelAttribute("profile") ProfileForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(model, accounts.account(user.id()).orElseThrow());
        }
        try {
            accounts.updateProfile(user.id(), form.displayName(), form.about());
        } catch (AccountProblem problem) {
            errors.rejectValue("displayName", "policy", problem.getMessage());
            return page(model, accounts.account(user.id()).orElseThrow());
        }
        redirect.addFlashAttribute("saved", "Your profile was saved.");
        return "redirect:/account";
    }

    @PostMapping("/account/password")
    String changePassword(
            @AuthenticationPrincipal AccountUserDetails user,
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            accounts.changePassword(
                    user.id(),
                    currentPassword,
                    newPassword,
                    request.getSession().getId());
        } catch (AccountProblem problem) {
            redirect.addFlashAttribute("passwordError", problem.getMessage());
            return "redirect:/account#password";
        }
        redirect.addFlashAttribute("saved", "Your password was changed. Your other sessions were signed out.");
        return "redirect:/account";
    }

    @PostMapping("/account/email")
    String changeEmail(
            @AuthenticationPrincipal AccountUserDetails user,
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newEmail,
            RedirectAttributes redirect) {
        if (!newEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || newEmail.length() > 254) {
            redirect.addFlashAttribute("emailError", "Enter a valid email address, like name@example.com.");
            return "redirect:/account#email";
        }
        try {
            accounts.requestEmailChange(user.id(), currentPassword, newEmail);
        } catch (AccountProblem problem) {
            redirect.addFlashAttribute("emailError", problem.getMessage());
            return "redirect:/account#email";
        }
        redirect.addFlashAttribute(
                "saved", "We sent a confirmation link to the new address. Your email changes when you open it.");
        return "redirect:/account";
    }

    @GetMapping("/account/email/confirm")
    String confirmEmailPage(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("page", PageMeta.website("Confirm your new email address", null, null));
        model.addAttribute("token", token);
        return "accounts/confirm-email-change";
    }

    @PostMapping("/account/email/confirm")
    String confirmEmail(@RequestParam(defaultValue = "") String token, HttpServletRequest request, Model model)
            throws ServletException {
        boolean changed;
        try {
            changed = accounts.confirmEmailChange(token);
        } catch (AccountProblem problem) {
            return Pages.notice(model, "Email not changed", problem.getMessage(), "/account", "Back to your account");
        }
        if (!changed) {
            return Pages.notice(
                    model,
                    "Link not valid",
                    "This confirmation link is invalid, was already used or has expired. Ask for a new one in your"
                            + " account settings.",
                    "/account",
                    "Back to your account");
        }
        // The session belongs to the old address; sign in again with the new one.
        request.logout();
        return "redirect:/login?emailChanged";
    }

    private static String page(Model model, Account account) {
        model.addAttribute("page", PageMeta.website("Your account", null, null));
        model.addAttribute("email", account.email());
        model.addAttribute("accountId", account.id());
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        model.addAttribute("maxLength", PasswordPolicy.MAX_LENGTH);
        return "accounts/settings";
    }
}
