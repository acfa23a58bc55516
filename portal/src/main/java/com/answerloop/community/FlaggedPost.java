package com.answerloop.community;

import java.util.List;

/** A post in the moderator queue: its open flags, or that it is held for review. */
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
        List<FlagView> flags) {

    /** One open flag. */
    public record FlagView(String reason, String note, String flaggerName, boolean trusted) {}
}
