package com.answerloop.community;

import java.time.Instant;

/**
 * A comment as the thread page shows it to one viewer; {@code body} is plain text, escaped by the template.
 *
 * @param edited when it was last edited, or null
 * @param hidden hidden by flags or a moderator (only its author and moderators still see it)
 */
public record CommentView(
        long id,
        long authorId,
        String authorName,
        String body,
        Instant created,
        Instant edited,
        boolean hidden,
        boolean canEdit,
        boolean canFlag) {}
