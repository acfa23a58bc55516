package com.answerloop.knowledge;

/** Where an article is in its life. The capture issue adds review states between draft and published. */
public enum ArticleState {
    DRAFT,
    PUBLISHED,
    ARCHIVED
}
