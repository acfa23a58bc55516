package com.answerloop.community;

import java.time.Instant;
import java.util.List;

/**
 * A question or answer as the thread page shows it to one viewer, with what that viewer may do to it.
 *
 * @param html the sanitized rendering of the Markdown body
 * @param myVote the viewer's vote: 1, -1 or 0
 */
public record PostView(
        long id,
        boolean question,
        long authorId,
        String authorName,
        String markdown,
        String html,
        int score,
        boolean accepted,
        boolean official,
        boolean hidden,
        boolean held,
        Instant created,
        Instant edited,
        int myVote,
        List<CommentView> comments,
        boolean canEdit,
        boolean canVote,
        boolean canDownvote,
        boolean canFlag,
        boolean canAccept,
        boolean canMarkOfficial,
        boolean canComment) {}
