package com.answerloop.community;

/**
 * A notification whose email is still to be sent. Published in the posting transaction and handled by {@link
 * NotificationMails} after it commits, on another thread, so a slow or unreachable mail server never slows or fails
 * posting; the event publication registry keeps it across a restart.
 */
record NotificationMailDue(long notificationId) {}
