package com.answerloop.community;

import com.answerloop.shared.markdown.MarkdownRenderer;
import com.answerloop.shared.web.PageMeta;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** What members do to a post or comment: edit it (with its history), vote, accept, mark official and flag. */
@Controller
class PostController {

    private final ThreadPages pages;
    private final Posting posting;
    private final Voting voting;
    private final Flagging flagging;
    private final CurrentActor actors;
    private final MarkdownRenderer markdown;

    PostController(
            ThreadPages pages,
            Posting posting,
            Voting voting,
            Flagging flagging,
            CurrentActor actors,
            MarkdownRenderer markdown) {
        this.pages = pages;
        this.posting = posting;
        this.voting = voting;
        this.flagging = flagging;
        this.actors = actors;
        this.markdown = markdown;
    }

    @GetMapping("/community/posts/{postId}/edit")
    String editForm(@PathVariable long postId, Model model) {
        return signedIn(actor -> {
            ThreadPages.EditablePost post = pages.editable(postId, actor);
            return editPage(model, post, post.title(), post.body(), post.tags(), null, null);
        });
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
        ThreadPages.EditablePost post = pages.editable(postId, actor);
        if ("preview".equals(action)) {
            return editPage(model, post, title, body, tags, markdown.previewHtml(body), null);
        }
        try {
            posting.edit(actor, postId, title, post.bodyEditable() ? body : post.body(), tags);
        } catch (CommunityProblem problem) {
            return FormErrors.page(
                    problem, response, () -> editPage(model, post, title, body, tags, null, problem.getMessage()));
        }
        return redirectToPost(postId);
    }

    private static String editPage(
            Model model,
            ThreadPages.EditablePost post,
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
        model.addAttribute("revisions", pages.revisions(postId, actors.current().orElse(null)));
        model.addAttribute("renderer", markdown);
        model.addAttribute("threadUrl", "/community/threads/" + pages.threadOf(postId));
        model.addAttribute(
                "page", PageMeta.website("Revision history", null, "/community/posts/" + postId + "/revisions"));
        return "community/revisions";
    }

    @GetMapping("/community/comments/{commentId}/edit")
    String editCommentForm(@PathVariable long commentId, Model model) {
        return signedIn(actor -> {
            ThreadPages.EditableComment comment = pages.editableComment(commentId, actor);
            return editCommentPage(model, comment, comment.body(), null);
        });
    }

    @PostMapping("/community/comments/{commentId}/edit")
    String editComment(
            @PathVariable long commentId,
            @RequestParam(required = false) String body,
            Model model,
            HttpServletResponse response) {
        Actor actor = actors.required();
        ThreadPages.EditableComment comment = pages.editableComment(commentId, actor);
        try {
            posting.editComment(actor, commentId, body);
        } catch (CommunityProblem problem) {
            return FormErrors.page(
                    problem, response, () -> editCommentPage(model, comment, body, problem.getMessage()));
        }
        return "redirect:" + comment.commentUrl();
    }

    private static String editCommentPage(Model model, ThreadPages.EditableComment comment, String body, String error) {
        model.addAttribute("comment", comment);
        model.addAttribute("body", body);
        model.addAttribute("error", error);
        model.addAttribute("page", PageMeta.website("Edit comment", null, null));
        return "community/edit-comment";
    }

    @PostMapping("/community/posts/{postId}/vote")
    String vote(@PathVariable long postId, @RequestParam String value) {
        voting.vote(actors.required(), postId, voteValue(value));
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
            voting.accept(actor, postId);
        } else {
            voting.unaccept(actor, postId);
        }
        return redirectToPost(postId);
    }

    @PostMapping("/community/posts/{postId}/official")
    String official(@PathVariable long postId, @RequestParam(defaultValue = "true") boolean official) {
        voting.markOfficial(actors.required(), postId, official);
        return redirectToPost(postId);
    }

    @PostMapping("/community/posts/{postId}/flag")
    String flag(
            @PathVariable long postId,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note) {
        flagging.flag(actors.required(), postId, reason, note);
        return "redirect:/community/threads/" + pages.threadOf(postId) + "?flagged";
    }

    @PostMapping("/community/comments/{commentId}/flag")
    String flagComment(
            @PathVariable long commentId,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note) {
        flagging.flagComment(actors.required(), commentId, reason, note);
        return "redirect:/community/threads/" + pages.threadOfComment(commentId) + "?flagged";
    }

    /** The page for the signed-in member; a visitor is sent to sign in first. */
    private String signedIn(Function<Actor, String> page) {
        return actors.current().map(page).orElse("redirect:/login");
    }

    private String redirectToPost(long postId) {
        return "redirect:/community/threads/" + pages.threadOf(postId) + "#post-" + postId;
    }
}
