package com.answerloop.capture;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.UserAccount;
import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.ArticleProblem;
import com.answerloop.shared.web.PageMeta;
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
import org.springframework.web.util.HtmlUtils;

/**
 * "Capture as article" in the agent console: review what the scrubber found (keep or mask each), edit the draft in
 * Markdown with a server-rendered preview, and submit it for review.
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

    @GetMapping("/agent/cases/{reference}/capture")
    String review(@PathVariable String reference, Model model) {
        CaptureProposal proposal = proposal(reference);
        model.addAttribute("page", PageMeta.website("Capture " + proposal.reference() + " as an article", null, null));
        model.addAttribute("proposal", proposal);
        model.addAttribute("highlighted", highlight(proposal));
        return "capture/review";
    }

    @PostMapping("/agent/cases/{reference}/capture/edit")
    String edit(
            @PathVariable String reference,
            @RequestParam(name = "keep", required = false) List<Integer> keep,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String body,
            Model model) {
        CaptureProposal proposal = proposal(reference);
        List<Integer> kept = keep == null ? List.of() : keep;
        String draftTitle = title == null ? capture.scrubbed(withText(proposal, proposal.title()), List.of()) : title;
        String draftBody = body == null ? capture.scrubbed(proposal, kept) : body;
        return editor(model, proposal, kept, draftTitle, draftBody, body != null, null);
    }

    @PostMapping("/agent/cases/{reference}/capture")
    String save(
            @PathVariable String reference,
            @RequestParam(name = "keep", required = false) List<Integer> keep,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body,
            Model model,
            RedirectAttributes redirect) {
        CaptureProposal proposal = proposal(reference);
        List<Integer> kept = keep == null ? List.of() : keep;
        UserAccount agent =
                accounts.currentAccount().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        try {
            String slug = capture.capture(reference, title, body, kept, agent);
            redirect.addFlashAttribute(
                    "message", "Article draft \"" + slug + "\" submitted for review; editors see it in their queue.");
            return "redirect:/agent/cases/" + proposal.reference();
        } catch (ArticleProblem problem) {
            return editor(model, proposal, kept, title, body, true, problem.getMessage());
        }
    }

    private String editor(
            Model model,
            CaptureProposal proposal,
            List<Integer> kept,
            String title,
            String body,
            boolean preview,
            String error) {
        model.addAttribute("page", PageMeta.website("Edit captured article", null, null));
        model.addAttribute("proposal", proposal);
        model.addAttribute("kept", kept);
        model.addAttribute("title", title);
        model.addAttribute("body", body);
        model.addAttribute("previewHtml", preview ? articles.preview(body) : null);
        model.addAttribute("error", error);
        return "capture/edit";
    }

    private CaptureProposal proposal(String reference) {
        return capture.propose(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such case."));
    }

    private CaptureProposal withText(CaptureProposal proposal, String text) {
        return new CaptureProposal(
                proposal.reference(), proposal.title(), text, capture.scrubber().detect(text, List.of()));
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
