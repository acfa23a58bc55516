package com.answerloop.community;

import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Members flag posts and comments for moderators; enough trusted flags hide the post or comment until one decides. */
@Service
@Transactional
class Flagging {

    private final Comments comments;
    private final Flags flags;
    private final ModerationLog moderationLog;
    private final Moderation moderation;
    private final ForumGuardian guardian;
    private final CommunitySettings settings;
    private final Clock clock;

    Flagging(
            Comments comments,
            Flags flags,
            ModerationLog moderationLog,
            Moderation moderation,
            ForumGuardian guardian,
            CommunitySettings settings,
            Clock clock) {
        this.comments = comments;
        this.flags = flags;
        this.moderationLog = moderationLog;
        this.moderation = moderation;
        this.guardian = guardian;
        this.settings = settings;
        this.clock = clock;
    }

    /** Flags a post; enough trusted flags hide it until a moderator decides. */
    void flag(Actor actor, long postId, String reasonText, String note) {
        Post post = guardian.visiblePost(postId, actor);
        long trustedFlags = save(actor, post, null, post.authorId(), "post", reasonText, note);
        if (!post.hidden() && trustedFlags >= settings.autoHideFlags()) {
            moderation.hide(post, null, "AUTO_HIDE", trustedFlags + " trusted flags");
        }
    }

    /** Flags a comment, as {@link #flag} a post: enough trusted flags hide it until a moderator decides. */
    void flagComment(Actor actor, long commentId, String reasonText, String note) {
        Comment comment = comments.findById(commentId)
                .filter(c -> !c.hidden() || (actor != null && actor.moderator()))
                .orElseThrow(() -> CommunityProblem.notFound("comment"));
        Post post = guardian.visiblePost(comment.postId(), actor);
        long trustedFlags = save(actor, post, comment.id(), comment.authorId(), "comment", reasonText, note);
        if (!comment.hidden() && trustedFlags >= settings.autoHideFlags()) {
            comment.hidden(true);
            moderationLog.record(
                    "AUTO_HIDE_COMMENT",
                    null,
                    post.threadId(),
                    post.id(),
                    "comment #" + comment.id() + ": " + trustedFlags + " trusted flags",
                    clock.instant());
        }
    }

    /** Checks and stores one flag; returns how many open trusted flags the post or comment now has. */
    private long save(
            Actor actor, Post post, Long commentId, long authorId, String what, String reasonText, String note) {
        ForumGuardian.Permissions may = guardian.of(actor);
        may.flagRefusal(authorId, what).ifPresent(refusal -> {
            throw CommunityProblem.forbidden(refusal);
        });
        Flag.Reason reason;
        try {
            reason = Flag.Reason.valueOf(
                    reasonText == null ? "" : reasonText.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CommunityProblem.invalid("Choose why you flag this post.");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > 500) {
            throw CommunityProblem.invalid("Keep the note to 500 characters.");
        }
        if (reason == Flag.Reason.NEEDS_MODERATOR && cleanNote == null) {
            throw CommunityProblem.invalid("Tell the moderators what needs their attention.");
        }
        String subject = Flag.subject(post.id(), commentId);
        if (flags.existsBySubjectAndFlaggerId(subject, actor.id())) {
            throw new CommunityProblem(CommunityProblem.Kind.CONFLICT, "You already flagged this " + what + ".");
        }
        flags.save(new Flag(post.id(), commentId, actor.id(), reason, cleanNote, may.flagsTrusted(), clock.instant()));
        flags.flush();
        return flags.countBySubjectAndStatusAndTrustedTrue(subject, Flag.Status.OPEN);
    }
}
