package com.answerloop.community;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Answers every "may this member do X here?" question of the forum, in one place: the thread page asks it which
 * buttons to show and the services ask it before acting, so a page never offers what the service refuses. Each
 * {@code ...Refusal} method returns why the member may not, or nothing when they may.
 */
@Component
class ForumGuardian {

    private final Reputation reputation;
    private final Posts posts;
    private final Comments comments;
    private final ForumThreads threads;
    private final PostingLimits limits;
    private final CommunitySettings settings;
    private final Clock clock;

    ForumGuardian(
            Reputation reputation,
            Posts posts,
            Comments comments,
            ForumThreads threads,
            PostingLimits limits,
            CommunitySettings settings,
            Clock clock) {
        this.reputation = reputation;
        this.posts = posts;
        this.comments = comments;
        this.threads = threads;
        this.limits = limits;
        this.settings = settings;
        this.clock = clock;
    }

    /** The permissions of one member (null: an anonymous reader), with their trust level read once. */
    Permissions of(Actor actor) {
        return new Permissions(actor, actor == null ? TrustLevel.NEW : reputation.trustLevel(actor.id()));
    }

    /** A post the actor may see and act on; hidden and held posts only for moderators. */
    Post visiblePost(long postId, Actor actor) {
        Post post = posts.findById(postId).orElseThrow(() -> CommunityProblem.notFound("post"));
        boolean moderator = actor != null && actor.moderator();
        if (!post.visible() && !moderator) {
            throw CommunityProblem.notFound("post");
        }
        ForumThread thread = threads.findById(post.threadId()).orElseThrow();
        if (thread.hidden() && !moderator) {
            throw CommunityProblem.notFound("post");
        }
        return post;
    }

    /** What a member may change in a post: its text (and a question's title), or only a question's tags. */
    record EditRights(boolean body, boolean tags) {
        boolean any() {
            return body || tags;
        }
    }

    /** One member's permissions. */
    final class Permissions {

        private final Actor actor;
        private final TrustLevel level;

        private Permissions(Actor actor, TrustLevel level) {
            this.actor = actor;
            this.level = level;
        }

        boolean moderator() {
            return actor != null && actor.moderator();
        }

        /** Signed in and not suspended: the member may act at all. */
        boolean active() {
            return actor != null && !actor.suspended();
        }

        /** Moderators have every trust level's privileges. */
        boolean has(TrustLevel needed) {
            return moderator() || level.atLeast(needed);
        }

        private boolean own(long authorId) {
            return actor != null && actor.id() == authorId;
        }

        boolean maySee(ForumThread thread) {
            return !thread.hidden() || moderator() || own(thread.authorId());
        }

        boolean maySee(Post post) {
            return post.visible() || moderator() || own(post.authorId());
        }

        boolean maySee(Comment comment) {
            return !comment.hidden() || moderator() || own(comment.authorId());
        }

        void requireModerator() {
            if (!moderator()) {
                throw CommunityProblem.forbidden("Only moderators can do this.");
            }
        }

        EditRights editRights(Post post, ForumThread thread) {
            if (!active()) {
                return new EditRights(false, false);
            }
            if (actor.moderator()) {
                return new EditRights(true, post.isQuestion());
            }
            if (thread.locked() || post.hidden()) {
                return new EditRights(false, false);
            }
            if (own(post.authorId())) {
                return new EditRights(true, post.isQuestion());
            }
            return new EditRights(false, post.isQuestion() && !thread.hidden() && has(TrustLevel.ESTABLISHED));
        }

        boolean mayEdit(Comment comment, ForumThread thread) {
            if (!active()) {
                return false;
            }
            return actor.moderator()
                    || (own(comment.authorId()) && !thread.locked() && !comment.hidden() && !thread.hidden());
        }

        Optional<String> answerRefusal(ForumThread thread) {
            if (thread.takesAnswers() || moderator()) {
                return Optional.empty();
            }
            return Optional.of(
                    thread.locked() ? "This thread is locked." : "This thread is closed and takes no new answers.");
        }

        Optional<String> commentRefusal(ForumThread thread) {
            return thread.locked() && !moderator() ? Optional.of("This thread is locked.") : Optional.empty();
        }

        /** Why the member may not vote {@code value} (1 up, -1 down) on the post, if they may not. */
        Optional<String> voteRefusal(Post post, ForumThread thread, int value) {
            if (own(post.authorId())) {
                return Optional.of("You cannot vote on your own post.");
            }
            if (thread.locked()) {
                return Optional.of("This thread is locked: votes are closed.");
            }
            if (value < 0 && !has(TrustLevel.ESTABLISHED)) {
                return Optional.of(
                        "Voting down needs " + settings.establishedReputation() + " reputation (established member).");
            }
            return Optional.empty();
        }

        Optional<String> acceptRefusal(Post answer, ForumThread thread) {
            if (!own(thread.authorId()) && !moderator()) {
                return Optional.of("Only the person who asked (or a moderator) can choose the accepted answer.");
            }
            return thread.locked() ? Optional.of("This thread is locked.") : Optional.empty();
        }

        Optional<String> officialRefusal() {
            return actor != null && actor.agent()
                    ? Optional.empty()
                    : Optional.of("Only support agents can mark official answers.");
        }

        /** Why the member may not flag what {@code authorId} wrote ({@code what}: "post" or "comment"). */
        Optional<String> flagRefusal(long authorId, String what) {
            if (own(authorId)) {
                return Optional.of("You cannot flag your own " + what + ".");
            }
            if (!has(TrustLevel.MEMBER)) {
                return Optional.of("Flagging needs " + settings.memberReputation()
                        + " reputation. A moderator will still see posts others flag.");
            }
            return Optional.empty();
        }

        /** Flags of established members count toward hiding a post before a moderator looks. */
        boolean flagsTrusted() {
            return has(TrustLevel.ESTABLISHED);
        }

        /** New members may use only a few links; more are held for review (posts) or refused (comments, edits). */
        boolean tooManyLinks(String text) {
            return !has(TrustLevel.MEMBER) && PostText.links(text) > settings.newMemberMaxLinks();
        }

        String linkLimitMessage(String what) {
            return "New members can use at most " + settings.newMemberMaxLinks() + " links in a " + what + ".";
        }

        /**
         * Checks the limits that apply before posting (suspension, a new member's first day, the posting rate);
         * returns whether the post must be held for review (a new member's post with more links than allowed).
         */
        boolean holdForReview(String text) {
            if (actor.suspended()) {
                throw CommunityProblem.forbidden("Your account is suspended.");
            }
            if (actor.moderator()) {
                return false;
            }
            checkFirstDay();
            limits.post(actor);
            return tooManyLinks(text);
        }

        private void checkFirstDay() {
            Instant now = clock.instant();
            Instant joined = actor.joined();
            if (has(TrustLevel.MEMBER)
                    || joined == null
                    || !joined.plus(Duration.ofDays(1)).isAfter(now)) {
                return;
            }
            long written = posts.countByAuthorIdAndCreatedAtAfter(actor.id(), joined.minusSeconds(1))
                    + comments.countByAuthorIdAndCreatedAtAfter(actor.id(), joined.minusSeconds(1));
            if (written >= settings.newMemberPostsFirstDay()) {
                long seconds = Math.max(
                        1,
                        Duration.between(now, joined.plus(Duration.ofDays(1))).toSeconds());
                throw new CommunityProblem(
                        CommunityProblem.Kind.RATE_LIMITED,
                        "New members can write " + settings.newMemberPostsFirstDay()
                                + " posts in their first day. Try again in " + seconds + " seconds.",
                        seconds);
            }
        }
    }
}
