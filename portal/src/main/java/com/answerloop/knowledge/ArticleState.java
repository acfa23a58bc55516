package com.answerloop.knowledge;

/**
 * Where an article is in its life, following KCS: {@link #WORK_IN_PROGRESS} (its author only) -> {@link
 * #NOT_VALIDATED} (agents, waiting for an editor) -> {@link #PUBLISHED} ("validated": readers see it, publicly or
 * internally per visibility) -> {@link #ARCHIVED}. {@link #DRAFT} is the importer's transient state for a new file.
 */
public enum ArticleState {
    DRAFT,
    WORK_IN_PROGRESS,
    NOT_VALIDATED,
    PUBLISHED,
    ARCHIVED;

    /** Not published yet and still with its author or an editor: editors validate it or send it back. */
    public boolean inReview() {
        return this == WORK_IN_PROGRESS || this == NOT_VALIDATED;
    }

    /** With its author: they may still submit it for review. */
    public boolean withAuthor() {
        return this == WORK_IN_PROGRESS;
    }

    /** Submitted and waiting for an editor. */
    public boolean awaitsValidation() {
        return this == NOT_VALIDATED;
    }

    public boolean archived() {
        return this == ARCHIVED;
    }

    /** The KCS name shown to agents and editors. */
    public String label() {
        return switch (this) {
            case DRAFT -> "Draft";
            case WORK_IN_PROGRESS -> "Work in progress";
            case NOT_VALIDATED -> "Not validated";
            case PUBLISHED -> "Validated";
            case ARCHIVED -> "Archived";
        };
    }
}
