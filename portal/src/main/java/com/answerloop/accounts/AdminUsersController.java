package com.answerloop.accounts;

import com.answerloop.shared.mail.Mailer;
import com.answerloop.shared.web.PageMeta;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of users (find, roles, suspend, reinstate) and the mail outbox. Admins only (see security). */
@Controller
class AdminUsersController {

    private static final int PAGE_SIZE = 25;

    private final AccountManagement accounts;
    private final AccountAdministration administration;
    private final Mailer mailer;

    AdminUsersController(AccountManagement accounts, AccountAdministration administration, Mailer mailer) {
        this.accounts = accounts;
        this.administration = administration;
        this.mailer = mailer;
    }

    @GetMapping("/admin/users")
    String users(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        Page<UserAccount> found = administration.search(q, PageRequest.of(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("page", PageMeta.website("Users", null, null));
        model.addAttribute("q", q);
        model.addAttribute("users", found.getContent());
        model.addAttribute("pageNumber", found.getNumber());
        model.addAttribute("hasNext", found.hasNext());
        model.addAttribute("hasPrevious", found.hasPrevious());
        model.addAttribute("total", found.getTotalElements());
        return "accounts/admin/users";
    }

    @GetMapping("/admin/users/{id}")
    String user(@PathVariable long id, Model model) {
        Account account = accounts.account(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("page", PageMeta.website("User " + account.displayName(), null, null));
        model.addAttribute("user", account.toView());
        model.addAttribute("emailVerified", account.emailVerified());
        model.addAttribute("suspensionReason", account.suspensionReason());
        model.addAttribute("allRoles", List.of(Role.values()));
        model.addAttribute("audit", administration.auditTrail(id));
        return "accounts/admin/user";
    }

    @PostMapping("/admin/users/{id}/roles")
    String changeRoles(
            @AuthenticationPrincipal AccountUserDetails admin,
            @PathVariable long id,
            @RequestParam(name = "roles", required = false) List<Role> roles,
            RedirectAttributes redirect) {
        Set<Role> chosen = roles == null || roles.isEmpty() ? EnumSet.of(Role.MEMBER) : EnumSet.copyOf(roles);
        return act(id, redirect, "Roles saved.", () -> administration.changeRoles(admin.id(), id, chosen));
    }

    @PostMapping("/admin/users/{id}/suspend")
    String suspend(
            @AuthenticationPrincipal AccountUserDetails admin,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "Account suspended; its sessions were ended.",
                () -> administration.suspend(admin.id(), id, reason));
    }

    @PostMapping("/admin/users/{id}/reinstate")
    String reinstate(
            @AuthenticationPrincipal AccountUserDetails admin,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return act(id, redirect, "Account reinstated.", () -> administration.reinstate(admin.id(), id, reason));
    }

    @GetMapping("/admin/outbox")
    String outbox(Model model) {
        model.addAttribute("page", PageMeta.website("Outbox", null, null));
        model.addAttribute(
                "mails", mailer.recent(100).stream().map(OutboxMail::of).toList());
        model.addAttribute("deliversMail", mailer.deliversMail());
        return "accounts/admin/outbox";
    }

    private String act(long id, RedirectAttributes redirect, String success, Runnable action) {
        if (accounts.account(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            action.run();
            redirect.addFlashAttribute("saved", success);
        } catch (AccountProblem problem) {
            redirect.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/admin/users/" + id;
    }
}
