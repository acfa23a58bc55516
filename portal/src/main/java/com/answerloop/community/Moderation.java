package com.answerloop.community;

import com.answerloop.accounts.AccountManagement;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Moderators' decisions on posts, comments and threads, each written to the moderation log. */
@Service
@Transactional
class Moderation {

    private final Topics topics;
    private final ForumThreads threads;
    private final Posts posts;
    private final Comments comments;
    private final Flags flags;
    private final ModerationLog moderationLog;
    private final Reputation reputation;
    private final ThreadLocks locks;
    private final Posting posting;
    private final ForumGuardian guardian;
    private final AccountManagement accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Moderation(
            Topics topics,
            ForumThreads threads,
            Posts posts,
            Comments comments,
            Flags flags,
            ModerationLog moderationLog,
            Reputation reputation,
            ThreadLocks locks,
            Posting posting,
            ForumGuardian guardian,
            AccountManagement accounts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.topics = topics;
        this.threads = threads;
        this.posts = posts;
        this.comments = comments;
        this.flags = flags;
        this.moderationLog = moderationLog;
        this.reputation = reputation;
        this.locks = locks;
        this.posting = posting;
        this.guardian = guardian;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** Moderator decisions on a post: hide, restore, approve (a held post), uphold or dismiss its flags. */
    void moderatePost(Actor actor, long postId, ModerationAction action, String note) {
        guardian.of(actor).requireModerator();
        Post post = posts.findById(postId).orElseThrow(() -> CommunityProblem.notFound("post"));
        ForumThread thread = threads.findById(post.threadId()).orElseThrow();
        Instant now = clock.instant();
        if (action.hides()) {
            resolveFlags(Flag.subject(post.id(), null), Flag.Status.UPHELD, actor, now);
            if (!post.hidden()) {
                hide(post, actor.id(), action.postLogEntry(), note);
            } else {
                moderationLog.record(action.postLogEntry(), actor.id(), thread.id(), post.id(), note, now);
            }
            return;
        }
        resolveFlags(Flag.subject(post.id(), null), Flag.Status.DISMISSED, actor, now);
        boolean wasHeld = post.held();
        post.hidden(false);
        post.held(false);
        if (post.isQuestion()) {
            thread.hidden(false);
        }
        thread.answerCount(posts.visibleAnswerCount(thread.id()));
        moderationLog.record(action.postLogEntry(), actor.id(), thread.id(), post.id(), note, now);
        if (!wasHeld) {
            events.publishEvent(new ThreadChanged(thread.id()));
        } else if (post.isQuestion()) {
            posting.announceQuestion(thread);
        } else {
            posting.announceAnswer(thread, post);
        }
    }

    /** Moderator decisions on a comment: hide or uphold its flags (hidden), restore or dismiss them (shown). */
    void moderateComment(Actor actor, long commentId, ModerationAction action, String note) {
        guardian.of(actor).requireModerator();
        Comment comment = comments.findById(commentId).orElseThrow(() -> CommunityProblem.notFound("comment"));
        Post post = posts.findById(comment.postId()).orElseThrow();
        Instant now = clock.instant();
        String logged = action.commentLogEntry();
        boolean hide = action.hides();
        resolveFlags(
                Flag.subject(post.id(), comment.id()), hide ? Flag.Status.UPHELD : Flag.Status.DISMISSED, actor, now);
        comment.hidden(hide);
        String detail = "comment #" + comment.id() + (note == null || note.isBlank() ? "" : ": " + note.strip());
        moderationLog.record(
                logged,
                actor.id(),
                post.threadId(),
                post.id(),
                detail.length() > 500 ? detail.substring(0, 500) : detail,
                now);
    }

    /** Moderator decisions on a thread: lock, unlock, close (reason, duplicate), reopen, move, merge. */
    void moderateThread(
            Actor actor, long threadId, ThreadAction action, String reason, Long otherThreadId, String topicSlug) {
        guardian.of(actor).requireModerator();
        ForumThread thread = threads.findById(threadId).orElseThrow(() -> CommunityProblem.notFound("thread"));
        String detail = reason == null || reason.isBlank() ? null : reason.strip();
        switch (action) {
            case LOCK -> thread.lock();
            case UNLOCK, REOPEN -> thread.reopen();
            case CLOSE -> {
                if (detail == null && otherThreadId == null) {
                    throw CommunityProblem.invalid("Give a reason for closing the thread.");
                }
                Long duplicate = null;
                if (otherThreadId != null) {
                    duplicate = otherThread(thread, otherThreadId).id();
                    detail = detail == null ? "Duplicate of another thread" : detail;
                }
                thread.close(detail, duplicate);
            }
            case MOVE -> {
                Topic topic = topics.findBySlug(topicSlug == null ? "" : topicSlug)
                        .orElseThrow(() -> CommunityProblem.invalid("Choose the topic to move the thread to."));
                thread.moveTo(topic.id());
                detail = "to " + topic.slug();
            }
            case MERGE -> {
                if (otherThreadId == null) {
                    throw CommunityProblem.invalid("Give the thread to merge into.");
                }
                ForumThread target = otherThread(thread, otherThreadId);
                merge(thread, target);
                detail = "into #" + target.id();
            }
        }
        moderationLog.record(action.logEntry(), actor.id(), thread.id(), null, detail, clock.instant());
        events.publishEvent(new ThreadChanged(thread.id()));
    }

    /** Moves the thread's answers to {@code target} and closes it as merged. */
    private void merge(ForumThread thread, ForumThread target) {
        for (Post post : posts.findByThreadIdOrderByIdAsc(thread.id())) {
            if (!post.isQuestion()) {
                if (post.accepted()) {
                    post.accepted(false);
                    reputation.unaccepted(post, thread.authorId());
                }
                post.moveTo(target.id());
            }
        }
        posts.flush();
        thread.accept(null);
        thread.close("Merged into \"" + target.title() + "\"", target.id());
        thread.answerCount(posts.visibleAnswerCount(thread.id()));
        target.answerCount(posts.visibleAnswerCount(target.id()));
        target.touch(clock.instant());
        events.publishEvent(new ThreadChanged(target.id()));
    }

    /** Hides a post (a question hides its thread), by a moderator or (moderatorId null) by members' flags. */
    void hide(Post post, Long moderatorId, String action, String detail) {
        ForumThread thread = threads.findById(post.threadId()).orElseThrow();
        locks.lock(thread, post);
        post.hidden(true);
        if (post.isQuestion()) {
            thread.hidden(true);
        }
        thread.answerCount(posts.visibleAnswerCount(thread.id()));
        moderationLog.record(action, moderatorId, thread.id(), post.id(), detail, clock.instant());
        events.publishEvent(new PostHidden(thread.id(), post.id(), post.isQuestion()));
    }

    @Transactional(readOnly = true)
    Page<ModerationLogEntry> moderationLog(Actor actor, int page) {
        guardian.of(actor).requireModerator();
        Names names = new Names(accounts);
        return moderationLog
                .findAllByOrderByIdDesc(PageRequest.of(Math.max(0, page), 50))
                .map(e -> new ModerationLogEntry(
                        e.moderatorId() == null ? "System" : names.of(e.moderatorId()),
                        e.action(),
                        e.threadId(),
                        e.postId(),
                        e.detail(),
                        e.createdAt()));
    }

    private void resolveFlags(String subject, Flag.Status outcome, Actor actor, Instant now) {
        flags.findBySubjectAndStatus(subject, Flag.Status.OPEN).forEach(f -> f.resolve(outcome, actor.id(), now));
    }

    private ForumThread otherThread(ForumThread thread, long otherId) {
        if (otherId == thread.id()) {
            throw CommunityProblem.invalid("A thread cannot be a duplicate of itself.");
        }
        return threads.findById(otherId)
                .filter(t -> !t.hidden())
                .orElseThrow(() -> CommunityProblem.invalid("There is no visible thread #" + otherId + "."));
    }
}
