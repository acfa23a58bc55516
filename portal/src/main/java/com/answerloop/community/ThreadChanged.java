package com.answerloop.community;

/**
 * Anything else about a thread changed that readers or the index see: an edit, votes, state, topic, a restored post.
 */
public record ThreadChanged(long threadId) {}
