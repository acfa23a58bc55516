package com.answerloop.community;

import com.answerloop.shared.markdown.MarkdownRenderer;
import com.answerloop.shared.web.PageMeta;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The thread page, and the forms on it that show it again when refused: answering, commenting, following. */
@Controller
class ThreadController {

    private final ThreadPages pages;
    private final TopicAdministration topics;
    private final Posting posting;
    private final Subscriptions subscriptions;
    private final CurrentActor actors;
    private final MarkdownRenderer markdown;
    private final QaPageStructuredData structuredData;

    ThreadController(
            ThreadPages pages,
            TopicAdministration topics,
            Posting posting,
            Subscriptions subscriptions,
            CurrentActor actors,
            MarkdownRenderer markdown,
            QaPageStructuredData structuredData) {
        this.pages = pages;
        this.topics = topics;
        this.posting = posting;
        this.subscriptions = subscriptions;
        this.actors = actors;
        this.markdown = markdown;
        this.structuredData = structuredData;
    }

    @GetMapping("/community/threads/{id}")
    String threadWithoutSlug(@PathVariable long id, HttpServletRequest request) {
        ThreadPage thread = load(id, AnswerSort.VOTES);
        // Keep the query (?flagged, ?sort=...): the notices after a form post depend on it.
        String query = request.getQueryString();
        return "redirect:" + thread.url() + (query == null || query.isBlank() ? "" : "?" + query);
    }

    @GetMapping("/community/threads/{id}/{slug}")
    String thread(
            @PathVariable long id,
            @PathVariable String slug,
            @RequestParam(required = false) String sort,
            Model model) {
        ThreadPage thread = load(id, AnswerSort.parse(sort));
        if (!thread.slug().equals(slug)) {
            return "redirect:" + thread.url();
        }
        return show(thread, AnswerSort.parse(sort), model);
    }

    /** The answer form's text, shown again after a preview or a refusal, and the button pressed. */
    record AnswerForm(String body, String action) {

        static AnswerForm empty() {
            return new AnswerForm("", null);
        }

        boolean previewing() {
            return "preview".equals(action);
        }
    }

    @PostMapping("/community/threads/{id}/answers")
    String answer(
            @PathVariable long id,
            @ModelAttribute("answerForm") AnswerForm form,
            BindingResult fields,
            @RequestParam(name = "website", required = false) String honeypot,
            Model model,
            HttpServletResponse response) {
        Actor actor = actors.required();
        if (honeypot != null && !honeypot.isEmpty()) {
            throw CommunityProblem.invalid("Your answer could not be accepted.");
        }
        if (form.previewing()) {
            model.addAttribute("answerPreview", markdown.previewHtml(form.body()));
            return show(id, model);
        }
        try {
            Posting.PostResult result = posting.answer(actor, id, form.body());
            String url = result.url();
            int hash = url.indexOf('#');
            return "redirect:" + url.substring(0, hash) + (result.held() ? "?held" : "") + url.substring(hash);
        } catch (CommunityProblem problem) {
            return FormErrors.page(problem, fields, response, () -> {
                model.addAttribute("answerError", problem.getMessage());
                return show(id, model);
            });
        }
    }

    @PostMapping("/community/posts/{postId}/comments")
    String comment(
            @PathVariable long postId,
            @RequestParam(required = false) String body,
            Model model,
            HttpServletResponse response) {
        Actor actor = actors.required();
        try {
            posting.comment(actor, postId, body);
            return "redirect:/community/threads/" + pages.threadOf(postId) + "#post-" + postId;
        } catch (CommunityProblem problem) {
            // the thread again, with the comment form open, the typed text and why it was refused (e.g. the wait)
            return FormErrors.page(problem, response, () -> {
                model.addAttribute("commentPostId", postId);
                model.addAttribute("commentError", problem.getMessage());
                model.addAttribute("commentForm", body == null ? "" : body);
                return show(pages.threadOf(postId), model);
            });
        }
    }

    @PostMapping("/community/threads/{id}/follow")
    String followThread(@PathVariable long id, @RequestParam(defaultValue = "true") boolean follow) {
        subscriptions.followThread(actors.required(), id, follow);
        return "redirect:/community/threads/" + id;
    }

    private ThreadPage load(long id, AnswerSort sort) {
        return pages.thread(id, actors.current().orElse(null), sort)
                .orElseThrow(() -> CommunityProblem.notFound("thread"));
    }

    private String show(long id, Model model) {
        return show(load(id, AnswerSort.VOTES), AnswerSort.VOTES, model);
    }

    private String show(ThreadPage thread, AnswerSort sort, Model model) {
        model.addAttribute("thread", thread);
        model.addAttribute("answerSort", sort);
        model.addAttribute("answerSorts", AnswerSort.values());
        model.addAttribute("flagReasons", Flag.Reason.values());
        model.addAttribute("topics", topics.topics());
        model.addAttribute("structuredData", structuredData.jsonLd(thread));
        String question = thread.question().markdown();
        String text = markdown.toPlainText(question);
        // as before: the search snippet is cut to 155 characters only when the Markdown is longer than that
        String description = question.length() > 155 ? text.substring(0, Math.min(155, text.length())) : text;
        model.addAttribute("page", PageMeta.article(thread.title(), description, thread.url()));
        if (!model.containsAttribute("answerForm")) {
            model.addAttribute("answerForm", AnswerForm.empty());
        }
        return "community/thread";
    }
}
