package com.answerloop.cases;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.UserAccount;
import com.answerloop.shared.web.PageMeta;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's side of a case: "My requests" for signed-in customers and the secret link for everyone else. A case
 * that is not the reader's answers 404, exactly like one that does not exist, so references cannot be probed.
 */
@Controller
class RequestsController {

    private final CustomerRequests cases;
    private final CaseGuardian guardian;
    private final AccountManagement accounts;
    private final CasesSettings settings;

    RequestsController(
            CustomerRequests cases, CaseGuardian guardian, AccountManagement accounts, CasesSettings settings) {
        this.cases = cases;
        this.guardian = guardian;
        this.accounts = accounts;
        this.settings = settings;
    }

    @GetMapping("/requests")
    String mine(Model model) {
        UserAccount customer = accounts.currentAccount().orElse(null);
        if (customer == null) {
            return "redirect:/login";
        }
        model.addAttribute("page", PageMeta.website("My requests", null, null));
        model.addAttribute("requests", cases.requestsOf(customer));
        return "cases/requests";
    }

    @GetMapping("/requests/{reference}")
    String request(@PathVariable String reference, Model model) {
        UserAccount customer = accounts.currentAccount().orElse(null);
        if (customer == null) {
            return "redirect:/login";
        }
        CaseView view = cases.requestOf(customer, reference).orElseThrow(RequestsController::notFound);
        return page(model, view, "/requests/" + view.reference());
    }

    @PostMapping("/requests/{reference}/replies")
    String reply(@PathVariable String reference, @RequestParam(defaultValue = "") String body, RedirectAttributes r) {
        CaseView view = own(reference);
        return replyTo(view, body, "/requests/" + view.reference(), r);
    }

    @PostMapping("/requests/{reference}/effort")
    String effort(
            @PathVariable String reference,
            @RequestParam(defaultValue = "0") int score,
            @RequestParam(required = false) String comment,
            RedirectAttributes r) {
        CaseView view = own(reference);
        return effortFor(view, score, comment, "/requests/" + view.reference(), r);
    }

    @GetMapping("/requests/access/{token}")
    String byToken(@PathVariable String token, Model model) {
        CaseView view = cases.requestByToken(token).orElseThrow(RequestsController::linkNotWorking);
        return page(model, view, "/requests/access/" + token);
    }

    @PostMapping("/requests/access/{token}/replies")
    String replyByToken(
            @PathVariable String token, @RequestParam(defaultValue = "") String body, RedirectAttributes r) {
        CaseView view = cases.requestByToken(token).orElseThrow(RequestsController::linkNotWorking);
        return replyTo(view, body, "/requests/access/" + token, r);
    }

    /** The survey link in the email: one click records the score, then the page offers an optional comment. */
    @GetMapping("/requests/access/{token}/effort")
    String effortByLink(@PathVariable String token, @RequestParam(defaultValue = "0") int score, RedirectAttributes r) {
        CaseView view = cases.requestByToken(token).orElseThrow(RequestsController::linkNotWorking);
        return effortFor(view, score, null, "/requests/access/" + token, r);
    }

    @PostMapping("/requests/access/{token}/effort")
    String effortByToken(
            @PathVariable String token,
            @RequestParam(defaultValue = "0") int score,
            @RequestParam(required = false) String comment,
            RedirectAttributes r) {
        CaseView view = cases.requestByToken(token).orElseThrow(RequestsController::linkNotWorking);
        return effortFor(view, score, comment, "/requests/access/" + token, r);
    }

    /** The customer ends every secret link to the request, e.g. after forwarding a mail by mistake. */
    @PostMapping("/requests/access/{token}/revoke")
    String revokeByToken(@PathVariable String token, Model model) {
        if (!cases.revokeLinksByToken(token)) {
            throw linkNotWorking();
        }
        model.addAttribute("page", PageMeta.website("Link revoked", null, null));
        return "cases/link-revoked";
    }

    private CaseView own(String reference) {
        UserAccount customer = accounts.currentAccount().orElseThrow(RequestsController::notFound);
        return cases.requestOf(customer, reference).orElseThrow(RequestsController::notFound);
    }

    private String replyTo(CaseView view, String body, String path, RedirectAttributes redirect) {
        try {
            cases.customerReply(view.id(), body);
            redirect.addFlashAttribute("message", "Your reply was added.");
        } catch (CaseProblem problem) {
            redirect.addFlashAttribute("error", problem.getMessage());
        }
        return "redirect:" + path;
    }

    private String effortFor(CaseView view, int score, String comment, String path, RedirectAttributes redirect) {
        try {
            cases.recordEffort(view.id(), score, comment);
            redirect.addFlashAttribute("message", "Thank you for your answer.");
        } catch (CaseProblem problem) {
            redirect.addFlashAttribute("error", problem.getMessage());
        }
        return "redirect:" + path + "#effort";
    }

    private String page(Model model, CaseView view, String basePath) {
        model.addAttribute("page", PageMeta.website("Request " + view.reference(), null, null));
        model.addAttribute("request", view);
        model.addAttribute("may", guardian.forCustomer(view));
        model.addAttribute("basePath", basePath);
        model.addAttribute("linkValidity", settings.accessLinkValidity().toDays() + " days");
        return "cases/request";
    }

    /** Unknown, expired and revoked links alike, so a link tells nothing about the request it once opened. */
    private static ResponseStatusException linkNotWorking() {
        return new ResponseStatusException(
                HttpStatus.NOT_FOUND,
                "This link does not open a request: it may have expired or been revoked. The next email about your"
                        + " request brings a new link.");
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such request.");
    }
}
