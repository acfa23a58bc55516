package com.answerloop.cases;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.UserAccount;
import com.answerloop.shared.web.PageMeta;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The contact page: channel choice, the request form with suggestions beside it (JSON for the typing customer, a
 * "Find answers" button without JavaScript), deflections and submitting a request.
 */
@Controller
class ContactController {

    static final String CHANNEL = "contact-form";

    private final CaseManagement cases;
    private final AccountManagement accounts;
    private final SuggestionLookup suggestions;
    private final CasesSettings settings;

    ContactController(
            CaseManagement cases, AccountManagement accounts, SuggestionLookup suggestions, CasesSettings settings) {
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
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        if ("find".equals(action)) {
            RecentSearches.remember(session, form.subject());
            return page(model, form, suggestions.lookup(form.lookupText()), null, true);
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
                            String.join(" | ", RecentSearches.of(session))),
                    customer);
            RecentSearches.clear(session);
            redirect.addFlashAttribute("reference", opened.reference());
            redirect.addFlashAttribute("accessPath", customer.isPresent() ? null : opened.accessPath());
            return "redirect:/contact/sent";
        } catch (CaseProblem problem) {
            return page(model, form, suggestions.lookup(form.lookupText()), problem.getMessage(), false);
        }
    }

    @GetMapping("/contact/sent")
    String sent(Model model) {
        if (!model.containsAttribute("reference")) {
            return "redirect:/contact";
        }
        model.addAttribute("page", PageMeta.website("Request sent", null, null));
        model.addAttribute("responseTarget", settings.responseTarget());
        model.addAttribute("signedIn", accounts.currentAccount().isPresent());
        return "cases/sent";
    }

    /** Suggestions as the customer types (progressive enhancement of "Find answers"). */
    @GetMapping(path = "/contact/suggestions", produces = "application/json")
    @ResponseBody
    List<SuggestionLookup.Found> suggest(@RequestParam(defaultValue = "") String q, HttpSession session) {
        RecentSearches.remember(session, q);
        return suggestions.lookup(q);
    }

    /** "This answered my question": counted anonymously, and no case is created. */
    @PostMapping("/contact/answered")
    Object answered(
            @RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "false") boolean js,
            Model model,
            HttpSession session) {
        if (!suggestions.isPublicDocument(key)) {
            return js ? ResponseEntity.badRequest().build() : "redirect:/contact";
        }
        cases.recordDeflection(key, CHANNEL);
        RecentSearches.clear(session);
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
        model.addAttribute("responseTarget", settings.responseTarget());
        return "cases/contact";
    }
}
