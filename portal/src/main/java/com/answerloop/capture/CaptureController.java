package com.answerloop.capture;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.UserAccount;
import com.answerloop.knowledge.ArticleDraft;
import com.answerloop.knowledge.ArticleProblem;
import com.answerloop.shared.web.PageMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Capture as article" in the agent console and "Promote to article" on a thread with an accepted answer: review
 * what the scrubber found (keep or mask each), edit the draft in Markdown with a server-rendered preview, and submit
 * it for review. Saving scrubs the edit again and asks about anything new before storing it.
 */
@Controller
class CaptureController {

    private final CaptureManagement capture;
    private final DraftEditorPage editorPage;
    private final ExistingArticles existing;
    private final AccountManagement accounts;

    CaptureController(
            CaptureManagement capture,
            DraftEditorPage editorPage,
            ExistingArticles existing,
            AccountManagement accounts) {
        this.capture = capture;
        this.editorPage = editorPage;
        this.existing = existing;
        this.accounts = accounts;
    }

    /**
     * Where the pages of one source (a case or a thread) link and post to.
     *
     * @param linkUrl where "link this instead" posts an existing article; {@code null} where there is nothing to link
     */
    record Source(String heading, String backUrl, String backLabel, String editUrl, String saveUrl, String linkUrl) {

        static Source ofCase(String reference) {
            String base = "/agent/cases/" + reference;
            return new Source(
                    "Capture " + reference + " as an article",
                    base,
                    "Back to the case",
                    base + "/capture/edit",
                    base + "/capture",
                    base + "/links");
        }

        static Source ofThread(long threadId) {
            String base = "/capture/threads/" + threadId;
            return new Source(
                    "Promote the accepted answer to an article",
                    "/community/threads/" + threadId,
                    "Back to the thread",
                    base + "/edit",
                    base,
                    null);
        }
    }

    // ---- from a solved case (agents)

    @GetMapping("/agent/cases/{reference}/capture")
    String review(@PathVariable String reference, Model model, RedirectAttributes redirect) {
        CaptureProposal proposal = caseProposal(reference);
        Optional<ArticleDraft> captured = capture.capturedArticleOf(proposal.reference());
        if (captured.isPresent()) {
            redirect.addFlashAttribute(
                    "error",
                    "This case is already captured as \"" + captured.get().title() + "\".");
            return "redirect:" + Source.ofCase(proposal.reference()).backUrl();
        }
        return review(model, proposal, Source.ofCase(proposal.reference()));
    }

    @PostMapping("/agent/cases/{reference}/capture/edit")
    String edit(@PathVariable String reference, @ModelAttribute("form") DraftForm form, Model model) {
        CaptureProposal proposal = caseProposal(reference);
        return edit(model, proposal, Source.ofCase(proposal.reference()), form);
    }

    @PostMapping("/agent/cases/{reference}/capture")
    String save(
            @PathVariable String reference,
            @ModelAttribute("form") DraftForm form,
            BindingResult fields,
            Model model,
            RedirectAttributes redirect) {
        CaptureProposal proposal = caseProposal(reference);
        return save(
                model,
                redirect,
                proposal,
                Source.ofCase(proposal.reference()),
                form,
                fields,
                () -> capture.capture(proposal.reference(), form.fields(), form.kept(), form.decisions(), author()),
                slug -> "redirect:/agent/cases/" + proposal.reference());
    }

    // ---- from a thread's accepted answer (agents and editors)

    @GetMapping("/capture/threads/{threadId}")
    String reviewThread(@PathVariable long threadId, Model model) {
        return review(model, threadProposal(threadId), Source.ofThread(threadId));
    }

    @PostMapping("/capture/threads/{threadId}/edit")
    String editThread(@PathVariable long threadId, @ModelAttribute("form") DraftForm form, Model model) {
        return edit(model, threadProposal(threadId), Source.ofThread(threadId), form);
    }

    @PostMapping("/capture/threads/{threadId}")
    String saveThread(
            @PathVariable long threadId,
            @ModelAttribute("form") DraftForm form,
            BindingResult fields,
            Model model,
            RedirectAttributes redirect) {
        return save(
                model,
                redirect,
                threadProposal(threadId),
                Source.ofThread(threadId),
                form,
                fields,
                () -> capture.promote(threadId, form.fields(), form.kept(), form.decisions(), author()),
                slug -> "redirect:/articles/" + slug);
    }

    // ---- shared steps

    private String review(Model model, CaptureProposal proposal, Source source) {
        model.addAttribute("page", PageMeta.website(source.heading(), null, null));
        model.addAttribute("proposal", proposal);
        model.addAttribute("source", source);
        model.addAttribute("segments", segments(proposal));
        model.addAttribute("existing", existing.similarTo(capture.scrubbedTitle(proposal)));
        return "capture/review";
    }

    /** The editor, pre-filled from the proposal on the first step, else with what was typed (and its preview). */
    private String edit(Model model, CaptureProposal proposal, Source source, DraftForm form) {
        if (!form.firstStep()) {
            return editor(model, proposal, source, form, true, null, List.of());
        }
        String title = form.fields().title();
        DraftForm prefilled = form.showing(new ArticleFields(
                title.isEmpty() ? capture.scrubbedTitle(proposal) : title,
                capture.scrubbed(proposal, form.kept()),
                form.fields().categoryPath()));
        return editor(model, proposal, source, prefilled, false, null, List.of());
    }

    private String save(
            Model model,
            RedirectAttributes redirect,
            CaptureProposal proposal,
            Source source,
            DraftForm form,
            BindingResult fields,
            Supplier<CaptureOutcome> action,
            Function<String, String> done) {
        try {
            CaptureOutcome outcome = action.get();
            if (!outcome.isSaved()) {
                return editor(model, proposal, source, form, true, null, outcome.toReview());
            }
            redirect.addFlashAttribute(
                    "message",
                    "Article draft \"" + outcome.slug() + "\" submitted for review; editors see it in their queue.");
            return done.apply(outcome.slug());
        } catch (ArticleProblem problem) {
            DraftEditorPage.reject(fields, problem);
            return editor(model, proposal, source, form, true, problem.getMessage(), List.of());
        }
    }

    private String editor(
            Model model,
            CaptureProposal proposal,
            Source source,
            DraftForm form,
            boolean preview,
            String error,
            List<Detection> findings) {
        model.addAttribute("page", PageMeta.website("Edit the article draft", null, null));
        model.addAttribute("proposal", proposal);
        model.addAttribute("source", source);
        editorPage.addTo(model, form, preview, error, findings);
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

    /**
     * The template cut into plain text and detections, in order, for the review page to mark up (the template escapes
     * every piece).
     */
    static List<Segment> segments(CaptureProposal proposal) {
        List<Segment> segments = new ArrayList<>();
        String text = proposal.text();
        int at = 0;
        int index = 0;
        for (Detection d : proposal.detections()) {
            segments.add(new Segment(text.substring(at, d.start()), null, -1));
            segments.add(new Segment(d.text(), d.kind().name().toLowerCase(Locale.ROOT), index++));
            at = d.end();
        }
        segments.add(new Segment(text.substring(at), null, -1));
        return segments;
    }

    /**
     * A piece of the proposal's text; a detection has its kind and its number among the detections.
     *
     * @param kind null for plain text
     */
    record Segment(String text, String kind, int index) {}
}
