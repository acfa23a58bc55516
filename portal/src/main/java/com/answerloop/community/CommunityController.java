package com.answerloop.community;

import com.answerloop.shared.markdown.MarkdownRenderer;
import com.answerloop.shared.web.JsonLd;
import com.answerloop.shared.web.PageMeta;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** The forum's pages: lists, threads, asking and answering, votes, flags, follows and notifications. */
@Controller
class CommunityController {

    private static final int SIMILAR_LIMIT = 6;

    private final ThreadManagement threads;
    private final CurrentActor actors;
    private final MarkdownRenderer markdown;
    private final List<SimilarContent> similar;
    private final CommunitySettings settings;

    CommunityController(
            ThreadManagement threads,
            CurrentActor actors,
            MarkdownRenderer markdown,
            List<SimilarContent> similar,
            CommunitySettings settings) {
        this.threads = threads;
        this.actors = actors;
        this.markdown = markdown;
        this.similar = similar;
        this.settings = settings;
    }

    // ---- lists

    @GetMapping("/community")
    String home(@RequestParam(required = false) String sort, @RequestParam(defaultValue = "1") int page, Model model) {
        ListSort listSort = ListSort.parse(sort);
        model.addAttribute(
                "page",
                PageMeta.website("Community", "Questions and answers from the Answerloop community.", "/community"));
        model.addAttribute("topics", threads.topics());
        return list(model, null, null, listSort, page, "/community");
    }

    @GetMapping("/community/topics/{slug}")
    String topic(
            @PathVariable String slug,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        TopicView topic = threads.topic(slug).orElseThrow(() -> CommunityProblem.notFound("topic"));
        model.addAttribute("topic", topic);
        model.addAttribute(
                "page",
                PageMeta.website(
                        topic.title() + " · Community",
                        topic.description() == null ? "Questions about " + topic.title() : topic.description(),
                        topic.url()));
        model.addAttribute(
                "followingTopic", threads.followsTopic(actors.current().orElse(null), slug));
        return list(model, slug, null, ListSort.parse(sort), page, topic.url());
    }

    @GetMapping("/community/tags/{tag}")
    String tag(
            @PathVariable String tag,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        model.addAttribute("tag", tag);
        model.addAttribute(
                "page",
                PageMeta.website(
                        "Questions tagged " + tag,
                        "Community questions tagged " + tag + ".",
                        "/community/tags/" + tag));
        return list(model, null, tag, ListSort.parse(sort), page, "/community/tags/" + tag);
    }

    private String list(Model model, String topic, String tag, ListSort sort, int page, String path) {
        Page<ThreadSummary> threadsPage = threads.list(topic, tag, sort, page - 1);
        model.addAttribute("threads", threadsPage);
        model.addAttribute("sort", sort);
        model.addAttribute("sorts", ListSort.values());
        model.addAttribute("listPath", path);
        return "community/list";
    }

    // ---- thread page

    @GetMapping("/community/threads/{id}")
    String threadWithoutSlug(@PathVariable long id, jakarta.servlet.http.HttpServletRequest request) {
        Optional<Actor> viewer = actors.current();
        ThreadPage thread = threads.thread(id, viewer.orElse(null), AnswerSort.VOTES)
                .orElseThrow(() -> CommunityProblem.notFound("thread"));
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
        Optional<Actor> viewer = actors.current();
        ThreadPage thread = threads.thread(id, viewer.orElse(null), AnswerSort.parse(sort))
                .orElseThrow(() -> CommunityProblem.notFound("thread"));
        if (!thread.slug().equals(slug)) {
            return "redirect:" + thread.url();
        }
        model.addAttribute("thread", thread);
        model.addAttribute("answerSort", AnswerSort.parse(sort));
        model.addAttribute("answerSorts", AnswerSort.values());
        model.addAttribute("flagReasons", Flag.Reason.values());
        model.addAttribute("topics", threads.topics());
        model.addAttribute("structuredData", JsonLd.toScript(qaPage(thread)));
        String description = thread.question().markdown().length() > 155
                ? markdown.toPlainText(thread.question().markdown())
                        .substring(
                                0,
                                Math.min(
                                        155,
                                        markdown.toPlainText(thread.question().markdown())
                                                .length()))
                : markdown.toPlainText(thread.question().markdown());
        model.addAttribute("page", PageMeta.article(thread.title(), description, thread.url()));
        if (!model.containsAttribute("answerForm")) {
            model.addAttribute("answerForm", "");
        }
        return "community/thread";
    }

    /** schema.org QAPage: the question, its accepted answer and other visible answers. */
    private Map<String, Object> qaPage(ThreadPage thread) {
        Map<String, Object> question = new LinkedHashMap<>();
        question.put("@type", "Question");
        question.put("name", thread.title());
        question.put("text", markdown.toPlainText(thread.question().markdown()));
        question.put("answerCount", thread.visibleAnswerCount());
        question.put("upvoteCount", thread.question().score());
        question.put("dateCreated", thread.created().toString());
        question.put(
                "author", Map.of("@type", "Person", "name", thread.question().authorName()));
        List<Map<String, Object>> suggested = new ArrayList<>();
        for (PostView answer : thread.answers()) {
            if (answer.hidden() || answer.held()) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("@type", "Answer");
            item.put("text", markdown.toPlainText(answer.markdown()));
            item.put("upvoteCount", answer.score());
            item.put("dateCreated", answer.created().toString());
            item.put("url", thread.url() + "#post-" + answer.id());
            item.put("author", Map.of("@type", "Person", "name", answer.authorName()));
            if (answer.accepted()) {
                question.put("acceptedAnswer", item);
            } else {
                suggested.add(item);
            }
        }
        if (!suggested.isEmpty()) {
            question.put("suggestedAnswer", suggested);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@context", "https://schema.org");
        page.put("@type", "QAPage");
        page.put("mainEntity", question);
        return page;
    }

    // ---- asking

    @GetMapping("/community/ask")
    String askForm(
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) String tags,
            @RequestParam(required = false) String action,
            Model model) {
        model.addAttribute("form", new AskForm(topic, title == null ? "" : title, body == null ? "" : body, tags));
        if ("preview".equals(action)) {
            model.addAttribute("previewHtml", markdown.render(body).html());
        } else if (title != null) {
            // Visitors' form submits here with GET (no CSRF token in the URL), so they can check and preview too.
            model.addAttribute("similar", similar(title));
            model.addAttribute("similarChecked", true);
        }
        return askPage(model, null);
    }

    @PostMapping("/community/ask")
    String ask(
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) String tags,
            @RequestParam(required = false) String action,
            @RequestParam(name = "website", required = false) String honeypot,
            Model model,
            HttpServletResponse response) {
        AskForm form = new AskForm(topic, title, body, tags);
        model.addAttribute("form", form);
        if (honeypot != null && !honeypot.isEmpty()) {
            response.setStatus(400);
            return askPage(model, "Your question could not be accepted.");
        }
        if ("preview".equals(action)) {
            model.addAttribute("previewHtml", markdown.render(body).html());
            return askPage(model, null);
        }
        if ("similar".equals(action)) {
            model.addAttribute("similar", similar(title));
            model.addAttribute("similarChecked", true);
            return askPage(model, null);
        }
        Actor actor = actors.required();
        try {
            ThreadManagement.PostResult result = threads.ask(actor, topic, title, body, tags);
            return "redirect:" + result.url() + (result.held() ? "?held" : "?asked");
        } catch (CommunityProblem problem) {
            return formError(problem, response, model, () -> askPage(model, problem.getMessage()));
        }
    }

    private String askPage(Model model, String error) {
        model.addAttribute(
                "page",
                PageMeta.website("Ask a question", "Ask the Answerloop community a question.", "/community/ask"));
        model.addAttribute("topics", threads.topics());
        model.addAttribute("error", error);
        model.addAttribute("signedIn", actors.current().isPresent());
        return "community/ask";
    }

    private static String formError(
            CommunityProblem problem,
            HttpServletResponse response,
            Model model,
            java.util.function.Supplier<String> page) {
        if (problem.kind() == CommunityProblem.Kind.NOT_FOUND) {
            throw problem;
        }
        response.setStatus(problem.status());
        if (problem.retryAfterSeconds() > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
        }
        return page.get();
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
        if (body.length() > ThreadManagement.MAX_BODY) {
            return "<p>" + HtmlUtils.htmlEscape("Too long to preview.") + "</p>";
        }
        return markdown.render(body).html();
    }

    // ---- answering, commenting, editing

    @PostMapping("/community/threads/{id}/answers")
    String answer(
            @PathVariable long id,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) String action,
            @RequestParam(name = "website", required = false) String honeypot,
            Model model,
            HttpServletResponse response) {
        Actor actor = actors.required();
        if (honeypot != null && !honeypot.isEmpty()) {
            throw CommunityProblem.invalid("Your answer could not be accepted.");
        }
        if ("preview".equals(action)) {
            model.addAttribute("answerPreview", markdown.render(body).html());
            model.addAttribute("answerForm", body == null ? "" : body);
            return threadPage(id, model);
        }
        try {
            ThreadManagement.PostResult result = threads.answer(actor, id, body);
            String url = result.url();
            int hash = url.indexOf('#');
            return "redirect:" + url.substring(0, hash) + (result.held() ? "?held" : "") + url.substring(hash);
        } catch (CommunityProblem problem) {
            return formError(problem, response, model, () -> {
                model.addAttribute("answerError", problem.getMessage());
                model.addAttribute("answerForm", body == null ? "" : body);
                return threadPage(id, model);
            });
        }
    }

    private String threadPage(long id, Model model) {
        ThreadPage thread = threads.thread(id, actors.current().orElse(null), AnswerSort.VOTES)
                .orElseThrow(() -> CommunityProblem.notFound("thread"));
        return thread(id, thread.slug(), null, model);
    }

    @PostMapping("/community/posts/{postId}/comments")
    String comment(@PathVariable long postId, @RequestParam(required = false) String body) {
        threads.comment(actors.required(), postId, body);
        return redirectToPost(postId);
    }

    @GetMapping("/community/comments/{commentId}/edit")
    String editCommentForm(@PathVariable long commentId, Model model) {
        Optional<Actor> actor = actors.current();
        if (actor.isEmpty()) {
            return "redirect:/login";
        }
        ThreadManagement.EditableComment comment = threads.editableComment(commentId, actor.get());
        return editCommentPage(model, comment, comment.body(), null);
    }

    @PostMapping("/community/comments/{commentId}/edit")
    String editComment(
            @PathVariable long commentId,
            @RequestParam(required = false) String body,
            Model model,
            HttpServletResponse response) {
        Actor actor = actors.required();
        ThreadManagement.EditableComment comment = threads.editableComment(commentId, actor);
        try {
            threads.editComment(actor, commentId, body);
        } catch (CommunityProblem problem) {
            return formError(
                    problem, response, model, () -> editCommentPage(model, comment, body, problem.getMessage()));
        }
        return "redirect:" + comment.commentUrl();
    }

    private static String editCommentPage(
            Model model, ThreadManagement.EditableComment comment, String body, String error) {
        model.addAttribute("comment", comment);
        model.addAttribute("body", body);
        model.addAttribute("error", error);
        model.addAttribute("page", PageMeta.website("Edit comment", null, null));
        return "community/edit-comment";
    }

    @PostMapping("/community/comments/{commentId}/flag")
    String flagComment(
            @PathVariable long commentId,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note) {
        threads.flagComment(actors.required(), commentId, reason, note);
        return "redirect:/community/threads/" + threads.threadOfComment(commentId) + "?flagged";
    }

    @GetMapping("/community/posts/{postId}/edit")
    String editForm(@PathVariable long postId, Model model) {
        Optional<Actor> actor = actors.current();
        if (actor.isEmpty()) {
            return "redirect:/login";
        }
        ThreadManagement.EditablePost post = threads.editable(postId, actor.get());
        return editPage(model, post, post.title(), post.body(), post.tags(), null, null);
    }

    @PostMapping("/community/posts/{postId}/edit")
    String edit(
            @PathVariable long postId,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) String tags,
            @RequestParam(required = false) String action,
            Model model,
            HttpServletResponse response) {
        Actor actor = actors.required();
        ThreadManagement.EditablePost post = threads.editable(postId, actor);
        if ("preview".equals(action)) {
            return editPage(
                    model, post, title, body, tags, markdown.render(body).html(), null);
        }
        try {
            threads.edit(actor, postId, title, post.bodyEditable() ? body : post.body(), tags);
        } catch (CommunityProblem problem) {
            return formError(
                    problem,
                    response,
                    model,
                    () -> editPage(model, post, title, body, tags, null, problem.getMessage()));
        }
        return redirectToPost(postId);
    }

    private String editPage(
            Model model,
            ThreadManagement.EditablePost post,
            String title,
            String body,
            String tags,
            String previewHtml,
            String error) {
        model.addAttribute("post", post);
        model.addAttribute("title", title);
        model.addAttribute("body", body);
        model.addAttribute("tags", tags);
        model.addAttribute("previewHtml", previewHtml);
        model.addAttribute("error", error);
        model.addAttribute("page", PageMeta.website(post.question() ? "Edit question" : "Edit answer", null, null));
        return "community/edit";
    }

    @GetMapping("/community/posts/{postId}/revisions")
    String revisions(@PathVariable long postId, Model model) {
        List<RevisionView> history = threads.revisions(postId, actors.current().orElse(null));
        long threadId = threads.threadOf(postId);
        model.addAttribute("revisions", history);
        model.addAttribute("renderer", markdown);
        model.addAttribute("threadUrl", "/community/threads/" + threadId);
        model.addAttribute(
                "page", PageMeta.website("Revision history", null, "/community/posts/" + postId + "/revisions"));
        return "community/revisions";
    }

    // ---- votes, acceptance, official answers, flags

    @PostMapping("/community/posts/{postId}/vote")
    String vote(@PathVariable long postId, @RequestParam String value) {
        threads.vote(actors.required(), postId, voteValue(value));
        return redirectToPost(postId);
    }

    static int voteValue(String value) {
        return switch (value == null ? "" : value) {
            case "up", "1" -> 1;
            case "down", "-1" -> -1;
            case "none", "0" -> 0;
            default -> throw CommunityProblem.invalid("A vote is up, down or none.");
        };
    }

    @PostMapping("/community/posts/{postId}/accept")
    String accept(@PathVariable long postId, @RequestParam(defaultValue = "true") boolean accepted) {
        Actor actor = actors.required();
        if (accepted) {
            threads.accept(actor, postId);
        } else {
            threads.unaccept(actor, postId);
        }
        return redirectToPost(postId);
    }

    @PostMapping("/community/posts/{postId}/official")
    String official(@PathVariable long postId, @RequestParam(defaultValue = "true") boolean official) {
        threads.markOfficial(actors.required(), postId, official);
        return redirectToPost(postId);
    }

    @PostMapping("/community/posts/{postId}/flag")
    String flag(
            @PathVariable long postId,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note) {
        threads.flag(actors.required(), postId, reason, note);
        long threadId = threads.threadOf(postId);
        return "redirect:/community/threads/" + threadId + "?flagged";
    }

    private String redirectToPost(long postId) {
        return "redirect:/community/threads/" + threads.threadOf(postId) + "#post-" + postId;
    }

    // ---- following, notifications, unsubscribe

    @PostMapping("/community/threads/{id}/follow")
    String followThread(@PathVariable long id, @RequestParam(defaultValue = "true") boolean follow) {
        threads.followThread(actors.required(), id, follow);
        return "redirect:/community/threads/" + id;
    }

    @PostMapping("/community/topics/{slug}/follow")
    String followTopic(@PathVariable String slug, @RequestParam(defaultValue = "true") boolean follow) {
        threads.followTopic(actors.required(), slug, follow);
        return "redirect:/community/topics/" + slug;
    }

    @GetMapping("/community/notifications")
    String notifications(@RequestParam(defaultValue = "1") int page, Model model) {
        Optional<Actor> actor = actors.current();
        if (actor.isEmpty()) {
            return "redirect:/login";
        }
        model.addAttribute("notifications", threads.notifications(actor.get().id(), page - 1));
        model.addAttribute("mailEnabled", threads.mailEnabled(actor.get().id()));
        model.addAttribute("page", PageMeta.website("Notifications", null, "/community/notifications"));
        return "community/notifications";
    }

    @PostMapping("/community/notifications/read")
    String markRead() {
        threads.markAllRead(actors.required().id());
        return "redirect:/community/notifications";
    }

    @PostMapping("/community/notifications/mail")
    String mailSetting(@RequestParam boolean enabled) {
        threads.setMail(actors.required().id(), enabled);
        return "redirect:/community/notifications";
    }

    @GetMapping("/community/unsubscribe")
    String unsubscribeForm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("known", threads.knownUnsubscribeToken(token));
        model.addAttribute("done", false);
        model.addAttribute("page", PageMeta.website("Unsubscribe", null, null));
        return "community/unsubscribe";
    }

    @PostMapping("/community/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String token, Model model) {
        boolean done = threads.setMail(token, false);
        model.addAttribute("token", token);
        model.addAttribute("known", done);
        model.addAttribute("done", done);
        model.addAttribute("page", PageMeta.website("Unsubscribe", null, null));
        return "community/unsubscribe";
    }

    // ---- recognition

    @GetMapping("/community/leaderboard")
    String leaderboard(@RequestParam(defaultValue = "month") String period, Model model) {
        boolean month = !"all".equals(period);
        model.addAttribute("month", month);
        model.addAttribute("leaders", threads.leaderboard(month, 50));
        model.addAttribute(
                "page",
                PageMeta.website(
                        "Leaderboard",
                        "Members who helped most in the Answerloop community.",
                        "/community/leaderboard"));
        return "community/leaderboard";
    }

    @GetMapping("/community/help")
    String help(Model model) {
        model.addAttribute("settings", settings);
        model.addAttribute("badges", Badge.values());
        model.addAttribute(
                "myLevel", actors.current().map(a -> threads.trustLevel(a.id())).orElse(null));
        model.addAttribute(
                "myReputation",
                actors.current().map(a -> threads.reputationOf(a.id())).orElse(null));
        model.addAttribute(
                "page",
                PageMeta.website(
                        "Reputation and privileges",
                        "How reputation, badges and trust levels work in the Answerloop community.",
                        "/community/help"));
        return "community/help";
    }

    /** The ask form's values, shown again after a preview or an error. */
    record AskForm(String topic, String title, String body, String tags) {}
}
