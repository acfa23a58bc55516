package com.answerloop.community;

import java.time.Instant;

/** A notification as the notifications page shows it. */
public record NotificationView(
        long id, String kind, long threadId, Long postId, String message, Instant created, boolean unread) {

    public String url() {
        return "/community/threads/" + threadId + (postId == null ? "" : "#post-" + postId);
    }
}
