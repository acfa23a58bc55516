package com.answerloop.capture;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.UserAccount;
import com.answerloop.knowledge.ArticleDraft;
import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.ArticleProblem;
import com.answerloop.knowledge.ArticleState;
import com.answerloop.shared.web.PageMeta;
import java.util.List;
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
 * An author's own drafts ({@code /agent/articles/{slug}}): work in progress is visible to its author only; after an
 * editor sends it back the author revises it here and submits it again. Every save is scrubbed again (see
 * {@link CaptureManagement#revise}).
 */
@Controller
class DraftController {

    private final ArticleManagement articles;
    private final DraftEditorPage editorPage;
    private final CaptureManagement capture;
    private final AccountManagement accounts;

    DraftController(
            ArticleManagement articles,
            DraftEditorPage editorPage,
            CaptureManagement capture,
            AccountManagement accounts) {
        this.articles = articles;
        this.editorPage = editorPage;
        this.capture = capture;
        this.accounts = accounts;
    }

    @GetMapping("/agent/articles/{slug}")
    String show(@PathVariable String slug, Model model) {
        ArticleDraft draft = own(slug);
        DraftForm stored = new DraftForm(draft.title(), draft.body(), draft.categoryPath(), null, null, null, null);
        return page(model, draft, stored, false, null, List.of());
    }

    @PostMapping("/agent/articles/{slug}")
    String save(
            @PathVariable String slug,
            @ModelAttribute("form") DraftForm form,
            BindingResult fields,
            Model model,
            RedirectAttributes redirect) {
        ArticleDraft draft = own(slug);
        if (form.previewing()) {
            return page(model, draft, form, true, null, List.of());
        }
        try {
            CaptureOutcome outcome = capture.revise(
                    slug,
                    form.fields(),
                    form.decisions(),
                    form.submitting(),
                    accounts.currentAccount().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN)));
            if (!outcome.isSaved()) {
                return page(model, draft, form, true, null, outcome.toReview());
            }
            redirect.addFlashAttribute(
                    "message",
                    form.submitting() && draft.state() == ArticleState.WORK_IN_PROGRESS
                            ? "Submitted for review."
                            : "Saved as a new version.");
            return "redirect:/agent/articles/" + slug;
        } catch (ArticleProblem problem) {
            DraftEditorPage.reject(fields, problem);
            return page(model, draft, form, false, problem.getMessage(), List.of());
        }
    }

    private String page(
            Model model, ArticleDraft draft, DraftForm form, boolean preview, String error, List<Detection> findings) {
        model.addAttribute("page", PageMeta.website("Your draft: " + draft.title(), null, null));
        model.addAttribute("draft", draft);
        editorPage.addTo(model, form, preview, error, findings);
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
