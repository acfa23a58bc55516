package com.answerloop.capture;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.UserAccount;
import com.answerloop.cases.CaseManagement;
import com.answerloop.cases.CaseProblem;
import com.answerloop.search.SearchManagement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The agent console's knowledge panel ({@code /agent/cases/{reference}/...}, role agent): link or flag a document. */
@Controller
class CaseLinkController {

    private final ArticleLinks links;
    private final CaseManagement cases;
    private final AccountManagement accounts;
    private final SearchManagement search;

    CaseLinkController(ArticleLinks links, CaseManagement cases, AccountManagement accounts, SearchManagement search) {
        this.links = links;
        this.cases = cases;
        this.accounts = accounts;
        this.search = search;
    }

    /**
     * What the knowledge panel's "link" and "flag" buttons send: the document's key and title as listed, a flag's note
     * and the agent's search, kept so the next link or flag acts on the same results.
     */
    record DocumentForm(@NotBlank String key, String title, String note, String kq) {

        DocumentForm {
            title = title == null ? "" : title;
            note = note == null ? "" : note;
        }

        /** The title to store: as listed, else the document's address. */
        String titleOr(String url) {
            return title.isBlank() ? url : title;
        }
    }

    @PostMapping("/agent/cases/{reference}/links")
    String link(@PathVariable String reference, @Valid @ModelAttribute DocumentForm document, RedirectAttributes r) {
        String url = documentUrl(document.key());
        return act(
                reference,
                document.kq(),
                r,
                "Linked \"" + document.title() + "\" to the case.",
                () -> links.link(reference, agent().displayName(), document.key(), document.titleOr(url), url));
    }

    @PostMapping("/agent/cases/{reference}/flags")
    String flag(@PathVariable String reference, @Valid @ModelAttribute DocumentForm document, RedirectAttributes r) {
        String url = documentUrl(document.key());
        return act(
                reference,
                document.kq(),
                r,
                "Flagged \"" + document.title() + "\" for the editors.",
                () -> links.flag(
                        reference, agent().displayName(), document.key(), document.titleOr(url), url, document.note()));
    }

    /**
     * Runs an action on the case and goes back to it; {@code knowledgeQuery} is the agent's search in the knowledge
     * panel, kept so the next link or flag acts on the same results.
     */
    private String act(
            String reference, String knowledgeQuery, RedirectAttributes redirect, String done, Runnable action) {
        cases.caseForAgent(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such case."));
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (CaseProblem problem) {
            redirect.addFlashAttribute("error", problem.getMessage());
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/agent/cases/{r}");
        if (knowledgeQuery != null) {
            back.queryParam("kq", "{kq}");
        }
        return "redirect:"
                + back.encode().buildAndExpand(reference, knowledgeQuery).toUriString();
    }

    /** The page of an indexed document an agent may see; links and flags only point at real documents. */
    private String documentUrl(String key) {
        int colon = key.indexOf(':');
        try {
            String url = colon <= 0
                    ? null
                    : search.urlOf(key.substring(0, colon), Long.parseLong(key.substring(colon + 1)), true);
            if (url == null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No such document.");
            }
            return url;
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No such document.");
        }
    }

    private UserAccount agent() {
        return accounts.currentAccount().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
