package com.answerloop.community;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Votes on posts, the accepted answer of a thread, and agents' official answers. */
@Service
@Transactional
class Voting {

    private final ForumThreads threads;
    private final Posts posts;
    private final Votes votes;
    private final ModerationLog moderationLog;
    private final Reputation reputation;
    private final ThreadLocks locks;
    private final Notifier notifier;
    private final PostingLimits limits;
    private final ForumGuardian guardian;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Voting(
            ForumThreads threads,
            Posts posts,
            Votes votes,
            ModerationLog moderationLog,
            Reputation reputation,
            ThreadLocks locks,
            Notifier notifier,
            PostingLimits limits,
            ForumGuardian guardian,
            ApplicationEventPublisher events,
            Clock clock) {
        this.threads = threads;
        this.posts = posts;
        this.votes = votes;
        this.moderationLog = moderationLog;
        this.reputation = reputation;
        this.locks = locks;
        this.notifier = notifier;
        this.limits = limits;
        this.guardian = guardian;
        this.events = events;
        this.clock = clock;
    }

    /** Sets the actor's vote on a post: 1 up, -1 down, 0 withdraws it. Returns the post's new score. */
    int vote(Actor actor, long postId, int value) {
        if (value < -1 || value > 1) {
            throw CommunityProblem.invalid("A vote is up, down or none.");
        }
        Post post = guardian.visiblePost(postId, actor);
        ForumThread thread = threads.findById(post.threadId()).orElseThrow();
        guardian.of(actor).voteRefusal(post, thread, value).ifPresent(refusal -> {
            throw CommunityProblem.forbidden(refusal);
        });
        limits.vote(actor);
        locks.lock(thread, post);
        Instant now = clock.instant();
        Optional<Vote> existing = votes.findByPostIdAndVoterId(post.id(), actor.id());
        if (value == 0) {
            existing.ifPresent(votes::delete);
        } else if (existing.isPresent()) {
            existing.get().change(value, now);
        } else {
            votes.save(new Vote(post.id(), actor.id(), value, now));
        }
        votes.flush();
        post.score(votes.scoreOf(post.id()));
        if (post.isQuestion()) {
            thread.score(post.score());
        }
        reputation.voted(post, actor.id(), value);
        events.publishEvent(new ThreadChanged(thread.id()));
        return post.score();
    }

    /** Accepts an answer (replacing any earlier accepted one); the asker or a moderator may. */
    void accept(Actor actor, long answerId) {
        Post answer = guardian.visiblePost(answerId, actor);
        if (answer.isQuestion()) {
            throw CommunityProblem.invalid("Only answers can be accepted.");
        }
        ForumThread thread = threads.findById(answer.threadId()).orElseThrow();
        guardian.of(actor).acceptRefusal(answer, thread).ifPresent(refusal -> {
            throw CommunityProblem.forbidden(refusal);
        });
        locks.lock(thread, answer);
        if (answer.accepted()) {
            return;
        }
        if (thread.acceptedAnswerId() != null) {
            posts.findById(thread.acceptedAnswerId()).ifPresent(previous -> {
                previous.accepted(false);
                reputation.unaccepted(previous, thread.authorId());
            });
        }
        answer.accepted(true);
        posts.flush();
        thread.accept(answer.id());
        Instant now = clock.instant();
        thread.touch(now);
        reputation.accepted(answer, thread.authorId());
        if (actor.moderator() && actor.id() != thread.authorId()) {
            moderationLog.record("ACCEPT", actor.id(), thread.id(), answer.id(), null, now);
        }
        if (answer.authorId() != actor.id()) {
            notifier.notify(
                    answer.authorId(),
                    Notification.Kind.ACCEPTED,
                    thread,
                    answer.id(),
                    "Your answer to \"" + thread.title() + "\" was accepted.");
        }
        events.publishEvent(new AnswerAccepted(thread.id(), answer.id(), answer.authorId()));
    }

    /** Withdraws the acceptance of an answer; the same people as for accepting may, and not in a locked thread. */
    void unaccept(Actor actor, long answerId) {
        Post answer = guardian.visiblePost(answerId, actor);
        ForumThread thread = threads.findById(answer.threadId()).orElseThrow();
        guardian.of(actor).acceptRefusal(answer, thread).ifPresent(refusal -> {
            throw CommunityProblem.forbidden(refusal);
        });
        locks.lock(thread, answer);
        if (!answer.accepted()) {
            return;
        }
        answer.accepted(false);
        thread.accept(null);
        reputation.unaccepted(answer, thread.authorId());
        events.publishEvent(new ThreadChanged(thread.id()));
    }

    /** Agents mark an answer as the company's official one (or take the mark away). */
    void markOfficial(Actor actor, long answerId, boolean official) {
        guardian.of(actor).officialRefusal().ifPresent(refusal -> {
            throw CommunityProblem.forbidden(refusal);
        });
        Post answer = guardian.visiblePost(answerId, actor);
        if (answer.isQuestion()) {
            throw CommunityProblem.invalid("Only answers can be official.");
        }
        answer.official(official);
        events.publishEvent(new ThreadChanged(answer.threadId()));
    }
}
