package com.answerloop.capture;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.UserAccount;
import com.answerloop.knowledge.ArticleDraft;
import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.ArticleProblem;
import com.answerloop.knowledge.ArticleState;
import com.answerloop.knowledge.EditorialManagement;
import com.answerloop.shared.web.PageMeta;
import java.util.List;
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
 * An author's own drafts ({@code /agent/articles/{slug}}): work in progress is visible to its author only; after an
 * editor sends it back the author revises it here and submits it again. Every save is scrubbed again (see
 * {@link CaptureManagement#revise}).
 */
@Controller
class DraftController {

    private final ArticleManagement articles;
    private final EditorialManagement editorial;
    private final CaptureManagement capture;
    private final AccountManagement accounts;

    DraftController(
            ArticleManagement articles,
            EditorialManagement editorial,
            CaptureManagement capture,
            AccountManagement accounts) {
        this.articles = articles;
        this.editorial = editorial;
        this.capture = capture;
        this.accounts = accounts;
    }

    @GetMapping("/agent/articles/{slug}")
    String show(@PathVariable String slug, Model model) {
        ArticleDraft draft = own(slug);
        return page(
                model,
                draft,
                new ArticleFields(draft.title(), draft.body(), draft.categoryPath()),
                false,
                null,
                List.of(),
                PersonalDataDecisions.NONE);
    }

    @PostMapping("/agent/articles/{slug}")
    String save(
            @PathVariable String slug,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(required = false) String category,
            @RequestParam(defaultValue = "save") String action,
            @RequestParam(name = "keepValue", required = false) List<String> keepValues,
            @RequestParam(name = "reviewed", required = false) List<String> reviewed,
            Model model,
            RedirectAttributes redirect) {
        ArticleDraft draft = own(slug);
        PersonalDataDecisions review = PersonalDataDecisions.of(keepValues, reviewed);
        ArticleFields fields = new ArticleFields(title, body, category);
        if ("preview".equals(action)) {
            return page(model, draft, fields, true, null, List.of(), review);
        }
        try {
            boolean submit = "submit".equals(action);
            CaptureOutcome outcome = capture.revise(
                    slug,
                    fields,
                    review,
                    submit,
                    accounts.currentAccount().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN)));
            if (!outcome.isSaved()) {
                return page(model, draft, fields, true, null, outcome.toReview(), review);
            }
            redirect.addFlashAttribute(
                    "message",
                    submit && draft.state() == ArticleState.WORK_IN_PROGRESS
                            ? "Submitted for review."
                            : "Saved as a new version.");
            return "redirect:/agent/articles/" + slug;
        } catch (ArticleProblem problem) {
            return page(model, draft, fields, false, problem.getMessage(), List.of(), review);
        }
    }

    private String page(
            Model model,
            ArticleDraft draft,
            ArticleFields fields,
            boolean preview,
            String error,
            List<Detection> findings,
            PersonalDataDecisions review) {
        model.addAttribute("page", PageMeta.website("Your draft: " + draft.title(), null, null));
        model.addAttribute("draft", draft);
        model.addAttribute("title", fields.title());
        model.addAttribute("body", fields.body());
        model.addAttribute("category", fields.categoryPath());
        model.addAttribute("categories", editorial.categoryChoices());
        model.addAttribute("previewHtml", preview ? articles.preview(fields.body()) : null);
        model.addAttribute("error", error);
        FindingsView.addTo(model, findings, review);
        return "capture/draft";
    }

    /** The draft, if the current user wrote it and it is still a draft; otherwise 404. */
    private ArticleDraft own(String slug) {
        String me = author();
        return articles.draft(slug)
                .filter(d -> me.equalsIgnoreCase(d.author()))
                .filter(d -> d.state() == ArticleState.WORK_IN_PROGRESS || d.state() == ArticleState.NOT_VALIDATED)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such draft."));
    }

    private String author() {
        return accounts.currentAccount()
                .map(UserAccount::email)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
