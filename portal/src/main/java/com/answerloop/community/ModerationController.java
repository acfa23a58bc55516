package com.answerloop.community;

import com.answerloop.shared.web.PageMeta;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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

    /**
     * A decision on a post or comment from the queue or the thread page, and where to go after it: {@code back=thread}
     * returns to the thread, anything else to the queue page ({@code page}, from 1) the moderator acted on.
     */
    record ModerationForm(String action, String note, String back, Integer page) {

        ModerationAction decision() {
            return ModerationAction.of(action);
        }

        String next(Supplier<String> threadUrl) {
            if ("thread".equals(back)) {
                return "redirect:" + threadUrl.get();
            }
            return page != null && page > 1
                    ? "redirect:/moderation/community?page=" + page
                    : "redirect:/moderation/community";
        }
    }

    /** A decision on a thread: the {@code reason} to close it, the {@code other} thread (duplicate, merge), a topic. */
    record ThreadModerationForm(String action, String reason, Long other, String topic) {

        ThreadAction decision() {
            return ThreadAction.of(action);
        }
    }

    @PostMapping("/moderation/community/posts/{postId}")
    String post(@PathVariable long postId, @ModelAttribute ModerationForm form) {
        moderation.moderatePost(actors.required(), postId, form.decision(), form.note());
        return form.next(() -> "/community/threads/" + pages.threadOf(postId) + "#post-" + postId);
    }

    @PostMapping("/moderation/community/comments/{commentId}")
    String comment(@PathVariable long commentId, @ModelAttribute ModerationForm form) {
        moderation.moderateComment(actors.required(), commentId, form.decision(), form.note());
        return form.next(() -> "/community/threads/" + pages.threadOfComment(commentId) + "#comment-" + commentId);
    }

    @PostMapping("/moderation/community/threads/{threadId}")
    String thread(@PathVariable long threadId, @ModelAttribute ThreadModerationForm form) {
        moderation.moderateThread(
                actors.required(), threadId, form.decision(), form.reason(), form.other(), form.topic());
        return "redirect:/community/threads/" + threadId;
    }
}
