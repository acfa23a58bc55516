package com.answerloop.community;

import com.answerloop.shared.web.PageMeta;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The moderators' queue of flagged and held posts, their actions on posts and threads, and the action log. */
@Controller
class ModerationController {

    private final ModerationQueue queue;
    private final Moderation moderation;
    private final ThreadPages pages;
    private final CurrentActor actors;

    ModerationController(ModerationQueue queue, Moderation moderation, ThreadPages pages, CurrentActor actors) {
        this.queue = queue;
        this.moderation = moderation;
        this.pages = pages;
        this.actors = actors;
    }

    /** The queue a page at a time (pages from 1), so a long queue stays quick to open. */
    @GetMapping("/moderation/community")
    String queue(@RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("items", queue.page(actors.required(), page - 1));
        model.addAttribute("page", PageMeta.website("Moderation queue", null, null));
        return "community/moderation-queue";
    }

    @GetMapping("/moderation/community/log")
    String log(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("entries", moderation.moderationLog(actors.required(), page));
        model.addAttribute("page", PageMeta.website("Moderation log", null, null));
        return "community/moderation-log";
    }

    @PostMapping("/moderation/community/posts/{postId}")
    String post(
            @PathVariable long postId,
            @RequestParam String action,
            @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "queue") String back,
            @RequestParam(defaultValue = "1") int page) {
        moderation.moderatePost(actors.required(), postId, action, note);
        return "thread".equals(back)
                ? "redirect:/community/threads/" + pages.threadOf(postId) + "#post-" + postId
                : backToQueue(page);
    }

    @PostMapping("/moderation/community/comments/{commentId}")
    String comment(
            @PathVariable long commentId,
            @RequestParam String action,
            @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "queue") String back,
            @RequestParam(defaultValue = "1") int page) {
        moderation.moderateComment(actors.required(), commentId, action, note);
        return "thread".equals(back)
                ? "redirect:/community/threads/" + pages.threadOfComment(commentId) + "#comment-" + commentId
                : backToQueue(page);
    }

    @PostMapping("/moderation/community/threads/{threadId}")
    String thread(
            @PathVariable long threadId,
            @RequestParam String action,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long other,
            @RequestParam(required = false) String topic) {
        moderation.moderateThread(actors.required(), threadId, action, reason, other, topic);
        return "redirect:/community/threads/" + threadId;
    }

    /** Back to the queue page the moderator acted on. */
    private static String backToQueue(int page) {
        return page > 1 ? "redirect:/moderation/community?page=" + page : "redirect:/moderation/community";
    }
}
