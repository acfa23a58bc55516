package com.answerloop.cases;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.UserAccount;
import com.answerloop.shared.ratelimit.RateLimits;
import com.answerloop.shared.web.PageMeta;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The contact page: channel choice, the request form with suggestions beside it (JSON for the typing customer, a
 * "Find answers" button without JavaScript), deflections and submitting a request.
 */
@Controller
class ContactController {

    static final String CHANNEL = "contact-form";
    static final String SENT = "/contact/sent";
    private static final String ACCESS = "/requests/access/";

    private final CustomerRequests cases;
    private final AccountManagement accounts;
    private final SuggestionLookup suggestions;
    private final CasesSettings settings;

    ContactController(
            CustomerRequests cases, AccountManagement accounts, SuggestionLookup suggestions, CasesSettings settings) {
        this.cases = cases;
        this.accounts = accounts;
        this.suggestions = suggestions;
        this.settings = settings;
    }

    @GetMapping("/contact")
    String contact(Model model) {
        return page(model, RequestForm.empty(), List.of(), null, false);
    }

    @PostMapping("/contact")
    String submit(
            @ModelAttribute RequestForm form,
            @RequestParam(defaultValue = "submit") String action,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if ("find".equals(action)) {
            RateLimits.nothingSent(request);
            RecentSearches.remember(request, response, form.subject());
            List<SuggestionLookup.Found> found = suggestions.lookup(form.lookupText());
            ContactSuggestions.shown(request, found.size());
            return page(model, form, found, null, true);
        }
        Optional<UserAccount> customer = accounts.currentAccount();
        try {
            OpenedCase opened = cases.open(
                    new NewRequest(
                            form.subject(),
                            form.description(),
                            form.email(),
                            form.name(),
                            form.category(),
                            String.join(" | ", RecentSearches.of(request))),
                    customer);
            RecentSearches.clear(request, response);
            // The confirmation travels in the redirect, not in a flash attribute (that needs an HTTP session, and
            // anonymous visitors get none), so a retried submission that replays this redirect still shows it.
            return "redirect:"
                    + (customer.isPresent()
                            ? SENT + "?ref=" + opened.reference()
                            : SENT + "/" + opened.accessPath().substring(ACCESS.length()));
        } catch (CaseProblem problem) {
            RateLimits.nothingSent(request);
            return page(model, form, suggestions.lookup(form.lookupText()), problem.getMessage(), false);
        }
    }

    /** The confirmation for a signed-in customer: only for their own request. */
    @GetMapping(SENT)
    String sent(@RequestParam(defaultValue = "") String ref, Model model) {
        Optional<CaseView> request = accounts.currentAccount().flatMap(customer -> cases.requestOf(customer, ref));
        return request.isEmpty()
                ? "redirect:/contact"
                : sentPage(model, request.get().reference(), null);
    }

    /**
     * The confirmation for a visitor who is not signed in, at a secret address: the request's private link (mailed
     * too), so only the browser that sent the request can open it, and the page sends no referrer.
     */
    @GetMapping(SENT + "/{token}")
    String sentWithLink(@PathVariable String token, Model model) {
        Optional<CaseView> request = cases.requestByToken(token);
        return request.isEmpty()
                ? "redirect:/contact"
                : sentPage(model, request.get().reference(), ACCESS + token);
    }

    private String sentPage(Model model, String reference, String accessPath) {
        model.addAttribute("reference", reference);
        model.addAttribute("accessPath", accessPath);
        model.addAttribute("page", PageMeta.website("Request sent", null, null));
        model.addAttribute("responseTarget", settings.responseTargetText());
        model.addAttribute("signedIn", accessPath == null);
        return "cases/sent";
    }

    /** Suggestions as the customer types (progressive enhancement of "Find answers"). */
    @GetMapping(path = "/contact/suggestions", produces = "application/json")
    @ResponseBody
    List<SuggestionLookup.Found> suggest(
            @RequestParam(defaultValue = "") String q, HttpServletRequest request, HttpServletResponse response) {
        RecentSearches.remember(request, response, q);
        List<SuggestionLookup.Found> found = suggestions.lookup(q);
        ContactSuggestions.shown(request, found.size());
        return found;
    }

    /** A suggested answer opened from the contact form: a step of the contact funnel, then the answer itself. */
    @GetMapping(ContactSuggestions.OPEN_PATH)
    String open(@RequestParam(defaultValue = "") String key) {
        return suggestions.publicUrlOf(key).map(url -> "redirect:" + url).orElse("redirect:/contact");
    }

    /** "This answered my question": counted anonymously, and no case is created. */
    @PostMapping(ContactSuggestions.ANSWERED_PATH)
    Object answered(
            @RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "false") boolean js,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!suggestions.isPublicDocument(key)) {
            return js ? ResponseEntity.badRequest().build() : "redirect:/contact";
        }
        cases.recordDeflection(key, CHANNEL);
        RecentSearches.clear(request, response);
        if (js) {
            return ResponseEntity.noContent().build();
        }
        model.addAttribute("page", PageMeta.website("Glad we could help", null, null));
        return "cases/answered";
    }

    private String page(
            Model model, RequestForm form, List<SuggestionLookup.Found> found, String error, boolean looked) {
        Optional<UserAccount> customer = accounts.currentAccount();
        model.addAttribute(
                "page",
                PageMeta.website(
                        "Contact support",
                        "Search the help center, ask the community, or send a request to our support team.",
                        "/contact"));
        model.addAttribute("form", form);
        model.addAttribute("suggestions", found);
        model.addAttribute("looked", looked);
        model.addAttribute("error", error);
        model.addAttribute("customer", customer.orElse(null));
        model.addAttribute("categories", settings.categories());
        model.addAttribute("responseTarget", settings.responseTargetText());
        return "cases/contact";
    }
}
