package com.answerloop.community;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.shared.markdown.MarkdownRenderer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What waits for a moderator: flagged posts, held posts and flagged comments, oldest first, a page at a time. Only the
 * page's items are loaded and rendered; with two thousand waiting, one page of all of them took 10 s and 2.5 MB.
 */
@Service
@Transactional(readOnly = true)
class ModerationQueue {

    static final int PAGE_SIZE = 25;

    private final ForumThreads threads;
    private final Posts posts;
    private final Comments comments;
    private final Flags flags;
    private final ForumGuardian guardian;
    private final AccountManagement accounts;
    private final MarkdownRenderer markdown;

    ModerationQueue(
            ForumThreads threads,
            Posts posts,
            Comments comments,
            Flags flags,
            ForumGuardian guardian,
            AccountManagement accounts,
            MarkdownRenderer markdown) {
        this.threads = threads;
        this.posts = posts;
        this.comments = comments;
        this.flags = flags;
        this.guardian = guardian;
        this.accounts = accounts;
        this.markdown = markdown;
    }

    /** One thing waiting: a post (commentId null) or a comment on it. */
    private record Item(long postId, Long commentId) {
        String subject() {
            return Flag.subject(postId, commentId);
        }
    }

    /** Page {@code page} (from 0) of the queue. */
    Page<FlaggedPost> page(Actor actor, int page) {
        guardian.of(actor).requireModerator();
        List<Item> waiting = waiting();
        int from = Math.min(Math.max(0, page) * PAGE_SIZE, waiting.size());
        List<Item> shown = waiting.subList(from, Math.min(from + PAGE_SIZE, waiting.size()));
        Map<String, List<Flag>> open = flags
                .findBySubjectInAndStatusOrderByIdAsc(
                        shown.stream().map(Item::subject).toList(), Flag.Status.OPEN)
                .stream()
                .collect(Collectors.groupingBy(Flag::subject));
        Names names = new Names(accounts);
        List<FlaggedPost> items = new ArrayList<>();
        for (Item item : shown) {
            List<FlaggedPost.FlagView> flagViews = open.getOrDefault(item.subject(), List.of()).stream()
                    .map(f -> new FlaggedPost.FlagView(
                            f.reason().label(), f.note(), names.of(f.flaggerId()), f.trusted()))
                    .toList();
            posts.findById(item.postId()).ifPresent(post -> {
                ForumThread thread = threads.findById(post.threadId()).orElseThrow();
                items.add(
                        item.commentId() == null
                                ? postItem(post, thread, flagViews, names)
                                : commentItem(post, thread, item.commentId(), flagViews, names));
            });
        }
        return new PageImpl<>(items, PageRequest.of(Math.max(0, page), PAGE_SIZE), waiting.size());
    }

    /** How many items wait, for the header's count. */
    long size(Actor actor) {
        guardian.of(actor).requireModerator();
        return waiting().size();
    }

    /** Every waiting item in queue order: flagged posts, then held ones not flagged, then flagged comments. */
    private List<Item> waiting() {
        List<Item> flaggedPosts = new ArrayList<>();
        List<Item> flaggedComments = new ArrayList<>();
        for (Object[] row : flags.subjects(Flag.Status.OPEN)) {
            long postId = ((Number) row[0]).longValue();
            Long commentId = row[1] == null ? null : ((Number) row[1]).longValue();
            (commentId == null ? flaggedPosts : flaggedComments).add(new Item(postId, commentId));
        }
        Set<Item> ordered = new LinkedHashSet<>(flaggedPosts);
        posts.heldIds().forEach(id -> ordered.add(new Item(id, null)));
        ordered.addAll(flaggedComments);
        return List.copyOf(ordered);
    }

    private FlaggedPost postItem(Post post, ForumThread thread, List<FlaggedPost.FlagView> flagViews, Names names) {
        String text = markdown.toPlainText(post.body());
        return new FlaggedPost(
                post.id(),
                thread.id(),
                thread.title(),
                thread.url() + "#post-" + post.id(),
                post.isQuestion(),
                names.of(post.authorId()),
                text.length() > 300 ? text.substring(0, 300) + "…" : text,
                post.hidden(),
                post.held(),
                flagViews,
                null);
    }

    private FlaggedPost commentItem(
            Post post, ForumThread thread, long commentId, List<FlaggedPost.FlagView> flagViews, Names names) {
        Comment comment = comments.findById(commentId).orElseThrow();
        return new FlaggedPost(
                post.id(),
                thread.id(),
                thread.title(),
                thread.url() + "#comment-" + comment.id(),
                post.isQuestion(),
                names.of(comment.authorId()),
                comment.body(),
                comment.hidden(),
                false,
                flagViews,
                comment.id());
    }
}
