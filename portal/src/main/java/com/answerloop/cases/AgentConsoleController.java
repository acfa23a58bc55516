package com.answerloop.cases;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.UserAccount;
import com.answerloop.search.SearchManagement;
import com.answerloop.search.SearchQuery;
import com.answerloop.search.SearchResults;
import com.answerloop.search.SearchSort;
import com.answerloop.shared.web.PageMeta;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The agent console ({@code /agent/**}, role agent): queues, finding cases, and working one case. */
@Controller
class AgentConsoleController {

    private final AgentDesk cases;
    private final CaseGuardian guardian;
    private final AccountManagement accounts;
    private final SearchManagement search;

    AgentConsoleController(
            AgentDesk cases, CaseGuardian guardian, AccountManagement accounts, SearchManagement search) {
        this.cases = cases;
        this.guardian = guardian;
        this.accounts = accounts;
        this.search = search;
    }

    @GetMapping({"/agent", "/agent/cases"})
    String queue(
            @RequestParam(defaultValue = "unassigned") String view,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String age,
            @RequestParam(required = false) String q,
            Model model) {
        UserAccount agent = agent();
        AgentDesk.Queue queue = parseQueue(view);
        CaseStatus statusFilter = parseStatus(status);
        List<CaseSummary> found = q != null && !q.isBlank()
                ? cases.find(q)
                : cases.queue(queue, agent, statusFilter, category, parseAge(age));
        model.addAttribute("page", PageMeta.website("Cases", null, null));
        model.addAttribute("view", queue.name().toLowerCase(Locale.ROOT));
        model.addAttribute("views", List.of("unassigned", "mine", "pending", "solved", "all"));
        model.addAttribute("status", statusFilter == null ? "" : statusFilter.name());
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("category", category == null ? "" : category);
        model.addAttribute("categories", cases.categories());
        model.addAttribute("age", age == null ? "" : age);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("cases", found);
        return "cases/agent-queue";
    }

    @GetMapping("/agent/cases/{reference}")
    String show(@PathVariable String reference, @RequestParam(required = false) String kq, Model model) {
        CaseView view = cases.caseForAgent(reference).orElseThrow(AgentConsoleController::notFound);
        String knowledgeQuery = kq == null ? view.subject() : kq;
        SearchResults knowledge = knowledgeQuery.isBlank()
                ? null
                : search.search(
                        new SearchQuery(knowledgeQuery, null, List.of(), null, SearchSort.RELEVANCE, 0, 8), true);
        model.addAttribute("page", PageMeta.website(view.reference() + " " + view.subject(), null, null));
        model.addAttribute("c", view);
        model.addAttribute("history", cases.historyOf(view));
        model.addAttribute("next", view.status().next());
        model.addAttribute("kq", knowledgeQuery);
        model.addAttribute("knowledge", knowledge);
        model.addAttribute("use", cases.documentUse());
        model.addAttribute("me", agent());
        model.addAttribute("canCapture", guardian.offersCapture(view));
        return "cases/agent-case";
    }

    @PostMapping("/agent/cases/{reference}/reply")
    String reply(
            @PathVariable String reference,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(required = false) String status,
            RedirectAttributes r) {
        return act(
                reference,
                r,
                "Reply sent to the customer.",
                () -> cases.reply(reference, agent(), body, parseStatus(status)));
    }

    @PostMapping("/agent/cases/{reference}/notes")
    String note(@PathVariable String reference, @RequestParam(defaultValue = "") String body, RedirectAttributes r) {
        return act(reference, r, "Internal note added.", () -> cases.addNote(reference, agent(), body));
    }

    @PostMapping("/agent/cases/{reference}/status")
    String status(@PathVariable String reference, @RequestParam String status, RedirectAttributes r) {
        CaseStatus next = parseStatus(status);
        if (next == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown status.");
        }
        return act(
                reference,
                r,
                "Status changed to " + next.label().toLowerCase(Locale.ROOT) + ".",
                () -> cases.changeStatus(reference, agent(), next));
    }

    @PostMapping("/agent/cases/{reference}/access-links/revoke")
    String revokeLinks(@PathVariable String reference, RedirectAttributes r) {
        return act(
                reference,
                r,
                "The customer's secret links to this case no longer work; your next reply brings a new one.",
                () -> cases.revokeLinks(reference, agent()));
    }

    @PostMapping("/agent/cases/{reference}/assign")
    String assign(@PathVariable String reference, @RequestParam(defaultValue = "me") String to, RedirectAttributes r) {
        UserAccount agent = agent();
        boolean me = "me".equals(to);
        return act(
                reference,
                r,
                me ? "Assigned to you." : "Unassigned.",
                () -> cases.assign(reference, agent, me ? agent.id() : null, me ? agent.displayName() : null));
    }

    /** Runs an action on the case and goes back to it, with what happened as a message. */
    private String act(String reference, RedirectAttributes redirect, String done, Runnable action) {
        cases.caseForAgent(reference).orElseThrow(AgentConsoleController::notFound);
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (CaseProblem problem) {
            redirect.addFlashAttribute("error", problem.getMessage());
        }
        return "redirect:"
                + UriComponentsBuilder.fromPath("/agent/cases/{r}")
                        .encode()
                        .buildAndExpand(reference)
                        .toUriString();
    }

    private UserAccount agent() {
        return accounts.currentAccount().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    private static AgentDesk.Queue parseQueue(String view) {
        try {
            return AgentDesk.Queue.valueOf(view.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return AgentDesk.Queue.UNASSIGNED;
        }
    }

    static CaseStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return CaseStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Duration parseAge(String age) {
        if (age == null || !age.matches("\\d{1,3}[dh]")) {
            return null;
        }
        long amount = Long.parseLong(age.substring(0, age.length() - 1));
        return age.endsWith("d") ? Duration.ofDays(amount) : Duration.ofHours(amount);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such case.");
    }
}
