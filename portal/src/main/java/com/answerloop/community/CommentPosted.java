package com.answerloop.community;

/** A member commented on a post; the people the comment mentions hear of it after commit. */
record CommentPosted(long threadId, long postId, long commentId, long authorId) {}
