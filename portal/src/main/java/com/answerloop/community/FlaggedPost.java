package com.answerloop.community;

import java.util.List;

/**
 * A post in the moderator queue: its open flags, or that it is held for review; or a flagged comment on that post
 * ({@code commentId} set, {@code excerpt} the comment's text).
 */
public record FlaggedPost(
        long postId,
        long threadId,
        String threadTitle,
        String threadUrl,
        boolean question,
        String authorName,
        String excerpt,
        boolean hidden,
        boolean held,
        List<FlagView> flags,
        Long commentId) {

    /** One open flag. */
    public record FlagView(String reason, String note, String flaggerName, boolean trusted) {}
}
