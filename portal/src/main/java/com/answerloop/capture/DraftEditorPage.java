package com.answerloop.capture;

import com.answerloop.knowledge.ArticleManagement;
import com.answerloop.knowledge.ArticleProblem;
import com.answerloop.knowledge.EditorialManagement;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/** What the two draft editors (capture, one's own draft) show besides their heading: the form and what it found. */
@Component
class DraftEditorPage {

    private final ArticleManagement articles;
    private final EditorialManagement editorial;

    DraftEditorPage(ArticleManagement articles, EditorialManagement editorial) {
        this.articles = articles;
        this.editorial = editorial;
    }

    /**
     * The form as typed (or as stored), the categories to file it under, its preview, a refusal's message, and the
     * "personal data found in your edit" fieldset: nothing is stored until the author keeps or masks each value.
     */
    void addTo(Model model, DraftForm form, boolean preview, String error, List<Detection> findings) {
        model.addAttribute("form", form);
        model.addAttribute("categories", editorial.categoryChoices());
        model.addAttribute(
                "previewHtml", preview ? articles.preview(form.fields().body()) : null);
        model.addAttribute("error", error);
        PersonalDataDecisions review = form.decisions();
        model.addAttribute("findings", findings);
        model.addAttribute("keptValues", review.kept());
        // values decided earlier and not kept: they stay masked
        model.addAttribute(
                "maskedValues",
                review.reviewed().stream()
                        .filter(v -> !review.kept().contains(v))
                        .filter(v -> findings.stream().noneMatch(d -> d.text().equals(v)))
                        .toList());
    }

    /** A refused field's message beside it too; the page still says it at the top. */
    static void reject(BindingResult fields, ArticleProblem problem) {
        problem.field().ifPresent(field -> fields.rejectValue(field, "refused", problem.getMessage()));
    }
}
