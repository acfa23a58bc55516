package com.answerloop.community;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asking, answering, commenting and editing. Whoever follows or is mentioned hears about a post after it committed
 * ({@link Announcements}), so the thread's row stays locked only for the post's own writes.
 */
@Service
@Transactional
class Posting {

    private static final Logger log = LoggerFactory.getLogger(Posting.class);

    private final Topics topics;
    private final ForumThreads threads;
    private final Posts posts;
    private final Comments comments;
    private final CommentRevisions commentRevisions;
    private final Revisions revisions;
    private final ModerationLog moderationLog;
    private final Reputation reputation;
    private final ThreadLocks locks;
    private final Subscriptions subscriptions;
    private final ForumGuardian guardian;
    private final PostText text;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Posting(
            Topics topics,
            ForumThreads threads,
            Posts posts,
            Comments comments,
            CommentRevisions commentRevisions,
            Revisions revisions,
            ModerationLog moderationLog,
            Reputation reputation,
            ThreadLocks locks,
            Subscriptions subscriptions,
            ForumGuardian guardian,
            PostText text,
            ApplicationEventPublisher events,
            Clock clock) {
        this.topics = topics;
        this.threads = threads;
        this.posts = posts;
        this.comments = comments;
        this.commentRevisions = commentRevisions;
        this.revisions = revisions;
        this.moderationLog = moderationLog;
        this.reputation = reputation;
        this.locks = locks;
        this.subscriptions = subscriptions;
        this.guardian = guardian;
        this.text = text;
        this.events = events;
        this.clock = clock;
    }

    /** What a successful post returns: where to find it, and whether it waits for review. */
    record PostResult(long threadId, long postId, String url, boolean held) {}

    /** Asks a question; returns the new thread's page. New members' link-heavy posts are held for review. */
    PostResult ask(Actor actor, String topicSlug, String title, String body, String tagText) {
        Topic topic = topics.findBySlug(topicSlug == null ? "" : topicSlug)
                .orElseThrow(() ->
                        CommunityProblem.invalid(CommunityProblem.Field.TOPIC, "Choose a topic for your question."));
        String cleanTitle = PostText.title(title);
        String cleanBody = text.body(body);
        List<String> tags = PostText.tags(tagText);
        boolean held = guardian.of(actor).holdForReview(cleanBody + " " + cleanTitle);
        Instant now = clock.instant();
        ForumThread thread = threads.save(new ForumThread(topic.id(), cleanTitle, tags, actor.id(), now));
        Post question = posts.save(new Post(thread.id(), Post.Kind.QUESTION, actor.id(), cleanBody, held, now));
        thread.hidden(held);
        revisions.save(new Revision(question.id(), 1, actor.id(), cleanTitle, String.join(",", tags), cleanBody, now));
        subscriptions.follow(actor.id(), thread.id(), null);
        if (held) {
            moderationLog.record(
                    "HELD",
                    null,
                    thread.id(),
                    question.id(),
                    "New member's question with many links held for review",
                    now);
        } else {
            announceQuestion(thread);
        }
        log.info("Member #{} asked thread #{}{}", actor.id(), thread.id(), held ? " (held for review)" : "");
        return new PostResult(thread.id(), question.id(), thread.url(), held);
    }

    PostResult answer(Actor actor, long threadId, String body) {
        ForumGuardian.Permissions may = guardian.of(actor);
        ForumThread thread = threads.findById(threadId)
                .filter(t -> !t.hidden() || actor.moderator())
                .orElseThrow(() -> CommunityProblem.notFound("thread"));
        may.answerRefusal(thread).ifPresent(refusal -> {
            throw CommunityProblem.forbidden(refusal);
        });
        String cleanBody = text.body(body);
        boolean held = may.holdForReview(cleanBody);
        locks.lock(thread);
        Instant now = clock.instant();
        Post answer = posts.save(new Post(thread.id(), Post.Kind.ANSWER, actor.id(), cleanBody, held, now));
        revisions.save(new Revision(answer.id(), 1, actor.id(), null, null, cleanBody, now));
        subscriptions.follow(actor.id(), thread.id(), null);
        reputation.answered(actor.id());
        if (held) {
            moderationLog.record(
                    "HELD", null, thread.id(), answer.id(), "New member's answer with many links held for review", now);
        } else {
            announceAnswer(thread, answer);
        }
        return new PostResult(thread.id(), answer.id(), thread.url() + "#post-" + answer.id(), held);
    }

    /** A question became public: search, analytics and the topic's followers hear of it after commit. */
    void announceQuestion(ForumThread thread) {
        events.publishEvent(new QuestionAsked(thread.id(), thread.authorId(), thread.title()));
    }

    /** An answer became public: the thread's counts change now, its followers hear of it after commit. */
    void announceAnswer(ForumThread thread, Post answer) {
        thread.answerCount(posts.visibleAnswerCount(thread.id()));
        thread.touch(clock.instant());
        events.publishEvent(new AnswerPosted(thread.id(), answer.id(), answer.authorId()));
    }

    void comment(Actor actor, long postId, String body) {
        ForumGuardian.Permissions may = guardian.of(actor);
        Post post = guardian.visiblePost(postId, actor);
        ForumThread thread = threads.findById(post.threadId()).orElseThrow();
        may.commentRefusal(thread).ifPresent(refusal -> {
            throw CommunityProblem.forbidden(refusal);
        });
        String clean = PostText.comment(body);
        if (may.holdForReview(clean)) {
            throw CommunityProblem.forbidden(may.linkLimitMessage("comment"));
        }
        locks.lock(thread, post);
        Instant now = clock.instant();
        Comment comment = comments.save(new Comment(post.id(), actor.id(), clean, now));
        thread.touch(now);
        events.publishEvent(new CommentPosted(thread.id(), post.id(), comment.id(), actor.id()));
    }

    /** Edits a comment (its author or a moderator); the earlier text is kept as a revision. */
    void editComment(Actor actor, long commentId, String body) {
        ForumGuardian.Permissions may = guardian.of(actor);
        Comment comment = comments.findById(commentId).orElseThrow(() -> CommunityProblem.notFound("comment"));
        Post post = posts.findById(comment.postId()).orElseThrow();
        ForumThread thread = threads.findById(post.threadId()).orElseThrow();
        if (!may.mayEdit(comment, thread)) {
            throw CommunityProblem.forbidden("You cannot edit this comment.");
        }
        String clean = PostText.comment(body);
        if (may.tooManyLinks(clean)) {
            throw CommunityProblem.forbidden(may.linkLimitMessage("comment"));
        }
        if (clean.equals(comment.body())) {
            return;
        }
        Instant now = clock.instant();
        commentRevisions.save(new CommentRevision(comment.id(), actor.id(), comment.body(), now));
        comment.edit(clean, now);
        if (actor.moderator() && actor.id() != comment.authorId()) {
            moderationLog.record("EDIT_COMMENT", actor.id(), thread.id(), post.id(), "comment #" + comment.id(), now);
        }
    }

    /** Edits a post; its author and moderators may change everything, established members only a question's tags. */
    void edit(Actor actor, long postId, String title, String body, String tagText) {
        ForumGuardian.Permissions may = guardian.of(actor);
        Post post = posts.findById(postId).orElseThrow(() -> CommunityProblem.notFound("post"));
        ForumThread thread = threads.findById(post.threadId()).orElseThrow();
        ForumGuardian.EditRights rights = may.editRights(post, thread);
        if (!rights.any()) {
            throw CommunityProblem.forbidden("You cannot edit this post.");
        }
        String newBody = rights.body() ? text.body(body) : post.body();
        String newTitle = post.isQuestion() && rights.body() ? PostText.title(title) : thread.title();
        List<String> newTags = post.isQuestion() ? PostText.tags(tagText) : List.of();
        // only an edit that adds links can break the limit: older posts keep what they had
        if (rights.body() && PostText.links(newBody) > PostText.links(post.body()) && may.tooManyLinks(newBody)) {
            throw CommunityProblem.forbidden(may.linkLimitMessage("post"));
        }
        boolean changed = !newBody.equals(post.body())
                || (post.isQuestion() && (!newTitle.equals(thread.title()) || !newTags.equals(thread.tags())));
        if (!changed) {
            return;
        }
        locks.lock(thread, post);
        Instant now = clock.instant();
        post.edit(newBody, now);
        if (post.isQuestion()) {
            thread.retitle(newTitle, newTags);
        }
        revisions.save(new Revision(
                post.id(),
                revisions.lastNumber(post.id()) + 1,
                actor.id(),
                post.isQuestion() ? newTitle : null,
                post.isQuestion() ? String.join(",", newTags) : null,
                newBody,
                now));
        thread.touch(now);
        if (actor.moderator() && actor.id() != post.authorId()) {
            moderationLog.record("EDIT", actor.id(), thread.id(), post.id(), null, now);
        }
        events.publishEvent(new ThreadChanged(thread.id()));
    }
}
