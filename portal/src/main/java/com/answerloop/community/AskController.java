package com.answerloop.community;

import com.answerloop.shared.markdown.MarkdownRenderer;
import com.answerloop.shared.web.PageMeta;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** Asking a question: the form, its preview, the similar threads and articles, and the live Markdown preview. */
@Controller
class AskController {

    private static final int SIMILAR_LIMIT = 6;

    private final Posting posting;
    private final TopicAdministration topics;
    private final CurrentActor actors;
    private final MarkdownRenderer markdown;
    private final List<SimilarContent> similar;

    AskController(
            Posting posting,
            TopicAdministration topics,
            CurrentActor actors,
            MarkdownRenderer markdown,
            List<SimilarContent> similar) {
        this.posting = posting;
        this.topics = topics;
        this.actors = actors;
        this.markdown = markdown;
        this.similar = similar;
    }

    /**
     * The ask form's values, shown again after a preview or an error, and the button pressed: {@code post} (the
     * default), {@code preview} or {@code similar}.
     */
    record AskForm(String topic, String title, String body, String tags, String action) {

        boolean previewing() {
            return "preview".equals(action);
        }

        boolean checkingSimilar() {
            return "similar".equals(action);
        }
    }

    @GetMapping("/community/ask")
    String askForm(@ModelAttribute("form") AskForm form, Model model) {
        if (form.previewing()) {
            model.addAttribute("previewHtml", markdown.previewHtml(form.body()));
        } else if (form.title() != null) {
            // Visitors' form submits here with GET (no CSRF token in the URL), so they can check and preview too.
            showSimilar(form, model);
        }
        return askPage(model, null);
    }

    @PostMapping("/community/ask")
    String ask(
            @ModelAttribute("form") AskForm form,
            BindingResult fields,
            @RequestParam(name = "website", required = false) String honeypot,
            Model model,
            HttpServletResponse response) {
        if (honeypot != null && !honeypot.isEmpty()) {
            response.setStatus(400);
            return askPage(model, "Your question could not be accepted.");
        }
        if (form.previewing()) {
            model.addAttribute("previewHtml", markdown.previewHtml(form.body()));
            return askPage(model, null);
        }
        if (form.checkingSimilar()) {
            showSimilar(form, model);
            return askPage(model, null);
        }
        Actor actor = actors.required();
        try {
            Posting.PostResult result = posting.ask(actor, form.topic(), form.title(), form.body(), form.tags());
            return "redirect:" + result.url() + (result.held() ? "?held" : "?asked");
        } catch (CommunityProblem problem) {
            // the message at the top, and beside the field it is about
            return FormErrors.page(problem, fields, response, () -> askPage(model, problem.getMessage()));
        }
    }

    private void showSimilar(AskForm form, Model model) {
        model.addAttribute("similar", similar(form.title()));
        model.addAttribute("similarChecked", true);
    }

    private String askPage(Model model, String error) {
        model.addAttribute(
                "page",
                PageMeta.website("Ask a question", "Ask the Answerloop community a question.", "/community/ask"));
        model.addAttribute("topics", topics.topics());
        model.addAttribute("error", error);
        model.addAttribute("signedIn", actors.current().isPresent());
        return "community/ask";
    }

    /** Threads and articles that may already answer the title: JSON for the live list while typing. */
    @GetMapping(value = "/community/similar", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<SimilarContent.Match> similarJson(@RequestParam(name = "title", defaultValue = "") String title) {
        return similar(title);
    }

    private List<SimilarContent.Match> similar(String title) {
        if (title == null || title.strip().length() < 3) {
            return List.of();
        }
        String text = title.length() > 200 ? title.substring(0, 200) : title;
        return similar.stream()
                .flatMap(s -> s.similarTo(text, SIMILAR_LIMIT).stream())
                .limit(SIMILAR_LIMIT)
                .toList();
    }

    /** The live preview: the same sanitizing renderer as the saved post, returned as an HTML fragment. */
    @PostMapping(value = "/community/preview", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String preview(@RequestParam(name = "body", defaultValue = "") String body) {
        if (body.length() > PostText.MAX_BODY) {
            return "<p>" + HtmlUtils.htmlEscape("Too long to preview.") + "</p>";
        }
        return markdown.previewHtml(body);
    }
}
