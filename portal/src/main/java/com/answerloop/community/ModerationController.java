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

    private final ThreadManagement threads;
    private final CurrentActor actors;

    ModerationController(ThreadManagement threads, CurrentActor actors) {
        this.threads = threads;
        this.actors = actors;
    }

    @GetMapping("/moderation/community")
    String queue(Model model) {
        model.addAttribute("items", threads.queue(actors.required()));
        model.addAttribute("page", PageMeta.website("Moderation queue", null, null));
        return "community/moderation-queue";
    }

    @GetMapping("/moderation/community/log")
    String log(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("entries", threads.moderationLog(actors.required(), page));
        model.addAttribute("page", PageMeta.website("Moderation log", null, null));
        return "community/moderation-log";
    }

    @PostMapping("/moderation/community/posts/{postId}")
    String post(
            @PathVariable long postId,
            @RequestParam String action,
            @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "queue") String back) {
        threads.moderatePost(actors.required(), postId, action, note);
        return "thread".equals(back)
                ? "redirect:/community/threads/" + threads.threadOf(postId) + "#post-" + postId
                : "redirect:/moderation/community";
    }

    @PostMapping("/moderation/community/comments/{commentId}")
    String comment(
            @PathVariable long commentId,
            @RequestParam String action,
            @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "queue") String back) {
        threads.moderateComment(actors.required(), commentId, action, note);
        return "thread".equals(back)
                ? "redirect:/community/threads/" + threads.threadOfComment(commentId) + "#comment-" + commentId
                : "redirect:/moderation/community";
    }

    @PostMapping("/moderation/community/threads/{threadId}")
    String thread(
            @PathVariable long threadId,
            @RequestParam String action,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long other,
            @RequestParam(required = false) String topic) {
        threads.moderateThread(actors.required(), threadId, action, reason, other, topic);
        return "redirect:/community/threads/" + threadId;
    }
}
