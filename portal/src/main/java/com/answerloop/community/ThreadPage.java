package com.answerloop.community;

import java.time.Instant;
import java.util.List;

/** Everything the thread page shows to one viewer. */
public record ThreadPage(
        long id,
        String slug,
        String title,
        String url,
        TopicView topic,
        List<String> tags,
        ThreadState state,
        String closeReason,
        ThreadSummary duplicateOf,
        boolean hidden,
        PostView question,
        List<PostView> answers,
        Instant created,
        Instant lastActivity,
        boolean following,
        boolean canAnswer,
        boolean canModerate,
        boolean signedIn) {

    public int visibleAnswerCount() {
        return (int) answers.stream().filter(a -> !a.hidden() && !a.held()).count();
    }
}
