package com.answerloop.capture;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.UserAccount;
import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.ArticleProblem;
import com.answerloop.shared.web.PageMeta;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;

/**
 * "Capture as article" in the agent console and "Promote to article" on a thread with an accepted answer: review
 * what the scrubber found (keep or mask each), edit the draft in Markdown with a server-rendered preview, and submit
 * it for review. Saving scrubs the edit again and asks about anything new before storing it.
 */
@Controller
class CaptureController {

    private final CaptureManagement capture;
    private final ArticleManagement articles;
    private final AccountManagement accounts;

    CaptureController(CaptureManagement capture, ArticleManagement articles, AccountManagement accounts) {
        this.capture = capture;
        this.articles = articles;
        this.accounts = accounts;
    }

    /** Where the pages of one source (a case or a thread) link and post to. */
    record Source(String heading, String backUrl, String backLabel, String editUrl, String saveUrl) {

        static Source ofCase(String reference) {
            String base = "/agent/cases/" + reference;
            return new Source(
                    "Capture " + reference + " as an article",
                    base,
                    "Back to the case",
                    base + "/capture/edit",
                    base + "/capture");
        }

        static Source ofThread(long threadId) {
            String base = "/capture/threads/" + threadId;
            return new Source(
                    "Promote the accepted answer to an article",
                    "/community/threads/" + threadId,
                    "Back to the thread",
                    base + "/edit",
                    base);
        }
    }

    // ---- from a solved case (agents)

    @GetMapping("/agent/cases/{reference}/capture")
    String review(@PathVariable String reference, Model model) {
        CaptureProposal proposal = caseProposal(reference);
        return review(model, proposal, Source.ofCase(proposal.reference()));
    }

    @PostMapping("/agent/cases/{reference}/capture/edit")
    String edit(
            @PathVariable String reference,
            @RequestParam(name = "keep", required = false) List<Integer> keep,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String body,
            @RequestParam(name = "keepValue", required = false) List<String> keepValues,
            @RequestParam(name = "reviewed", required = false) List<String> reviewed,
            Model model) {
        CaptureProposal proposal = caseProposal(reference);
        return edit(model, proposal, Source.ofCase(proposal.reference()), keep, title, body, keepValues, reviewed);
    }

    @PostMapping("/agent/cases/{reference}/capture")
    String save(
            @PathVariable String reference,
            @RequestParam(name = "keep", required = false) List<Integer> keep,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "keepValue", required = false) List<String> keepValues,
            @RequestParam(name = "reviewed", required = false) List<String> reviewed,
            Model model,
            RedirectAttributes redirect) {
        CaptureProposal proposal = caseProposal(reference);
        Review review = Review.of(keepValues, reviewed);
        return save(
                model,
                redirect,
                proposal,
                Source.ofCase(proposal.reference()),
                keep,
                title,
                body,
                review,
                () -> capture.capture(proposal.reference(), title, body, listOf(keep), review, author()),
                slug -> "redirect:/agent/cases/" + proposal.reference());
    }

    // ---- from a thread's accepted answer (agents and editors)

    @GetMapping("/capture/threads/{threadId}")
    String reviewThread(@PathVariable long threadId, Model model) {
        return review(model, threadProposal(threadId), Source.ofThread(threadId));
    }

    @PostMapping("/capture/threads/{threadId}/edit")
    String editThread(
            @PathVariable long threadId,
            @RequestParam(name = "keep", required = false) List<Integer> keep,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String body,
            @RequestParam(name = "keepValue", required = false) List<String> keepValues,
            @RequestParam(name = "reviewed", required = false) List<String> reviewed,
            Model model) {
        return edit(
                model, threadProposal(threadId), Source.ofThread(threadId), keep, title, body, keepValues, reviewed);
    }

    @PostMapping("/capture/threads/{threadId}")
    String saveThread(
            @PathVariable long threadId,
            @RequestParam(name = "keep", required = false) List<Integer> keep,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "keepValue", required = false) List<String> keepValues,
            @RequestParam(name = "reviewed", required = false) List<String> reviewed,
            Model model,
            RedirectAttributes redirect) {
        CaptureProposal proposal = threadProposal(threadId);
        Review review = Review.of(keepValues, reviewed);
        return save(
                model,
                redirect,
                proposal,
                Source.ofThread(threadId),
                keep,
                title,
                body,
                review,
                () -> capture.promote(threadId, title, body, listOf(keep), review, author()),
                slug -> "redirect:/articles/" + slug);
    }

    // ---- shared steps

    private String review(Model model, CaptureProposal proposal, Source source) {
        model.addAttribute("page", PageMeta.website(source.heading(), null, null));
        model.addAttribute("proposal", proposal);
        model.addAttribute("source", source);
        model.addAttribute("highlighted", highlight(proposal));
        return "capture/review";
    }

    private String edit(
            Model model,
            CaptureProposal proposal,
            Source source,
            List<Integer> keep,
            String title,
            String body,
            List<String> keepValues,
            List<String> reviewed) {
        List<Integer> kept = listOf(keep);
        String draftTitle = title == null ? capture.scrubbedTitle(proposal) : title;
        String draftBody = body == null ? capture.scrubbed(proposal, kept) : body;
        return editor(
                model,
                proposal,
                source,
                kept,
                draftTitle,
                draftBody,
                body != null,
                null,
                List.of(),
                Review.of(keepValues, reviewed));
    }

    private String save(
            Model model,
            RedirectAttributes redirect,
            CaptureProposal proposal,
            Source source,
            List<Integer> keep,
            String title,
            String body,
            Review review,
            Supplier<CaptureOutcome> action,
            java.util.function.Function<String, String> done) {
        try {
            CaptureOutcome outcome = action.get();
            if (!outcome.isSaved()) {
                return editor(
                        model, proposal, source, listOf(keep), title, body, true, null, outcome.toReview(), review);
            }
            redirect.addFlashAttribute(
                    "message",
                    "Article draft \"" + outcome.slug() + "\" submitted for review; editors see it in their queue.");
            return done.apply(outcome.slug());
        } catch (ArticleProblem problem) {
            return editor(
                    model, proposal, source, listOf(keep), title, body, true, problem.getMessage(), List.of(), review);
        }
    }

    private String editor(
            Model model,
            CaptureProposal proposal,
            Source source,
            List<Integer> kept,
            String title,
            String body,
            boolean preview,
            String error,
            List<Detection> findings,
            Review review) {
        model.addAttribute("page", PageMeta.website("Edit the article draft", null, null));
        model.addAttribute("proposal", proposal);
        model.addAttribute("source", source);
        model.addAttribute("kept", kept);
        model.addAttribute("title", title);
        model.addAttribute("body", body);
        model.addAttribute("previewHtml", preview ? articles.preview(body) : null);
        model.addAttribute("error", error);
        FindingsView.addTo(model, findings, review);
        return "capture/edit";
    }

    private CaptureProposal caseProposal(String reference) {
        return capture.propose(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such case."));
    }

    private CaptureProposal threadProposal(long threadId) {
        return capture.proposeFromThread(threadId)
                .orElseThrow(() ->
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "No such thread with an accepted answer."));
    }

    private UserAccount author() {
        return accounts.currentAccount().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    private static List<Integer> listOf(List<Integer> keep) {
        return keep == null ? List.of() : keep;
    }

    /** The template as escaped HTML with each detection wrapped in a labelled mark. */
    static String highlight(CaptureProposal proposal) {
        StringBuilder html = new StringBuilder();
        String text = proposal.text();
        int at = 0;
        int index = 0;
        for (Detection d : proposal.detections()) {
            html.append(HtmlUtils.htmlEscape(text.substring(at, d.start())));
            html.append("<mark class=\"pii pii-")
                    .append(d.kind().name().toLowerCase(Locale.ROOT))
                    .append("\" id=\"pii-")
                    .append(index)
                    .append("\">")
                    .append(HtmlUtils.htmlEscape(d.text()))
                    .append(" <span class=\"pii-kind\">")
                    .append(d.kind().name().toLowerCase(Locale.ROOT))
                    .append("</span></mark>");
            at = d.end();
            index++;
        }
        html.append(HtmlUtils.htmlEscape(text.substring(at)));
        return html.toString();
    }
}
