package com.answerloop.cases;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Where a case is: new -> open -> pending (waiting for the customer) -> solved -> closed. */
public enum CaseStatus {
    NEW,
    OPEN,
    PENDING,
    SOLVED,
    CLOSED;

    /** The statuses an agent may move a case to from this one. A closed case stays closed. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(OPEN, PENDING, SOLVED, CLOSED);
            case OPEN -> EnumSet.of(PENDING, SOLVED, CLOSED);
            case PENDING -> EnumSet.of(OPEN, SOLVED, CLOSED);
            case SOLVED -> EnumSet.of(OPEN, CLOSED);
            case CLOSED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    /** Whether the customer may still add a reply (a reply to a solved case reopens it). */
    public boolean acceptsCustomerReplies() {
        return this != CLOSED;
    }

    /** A customer's reply sends a case waiting for them, or one they were told is solved, back to the agents. */
    public boolean reopensOnCustomerReply() {
        return this == PENDING || this == SOLVED;
    }

    /** Whether the customer is asked how much effort the request cost them. */
    public boolean opensSurvey() {
        return this == SOLVED || this == CLOSED;
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
