package com.answerloop.cases;

import java.time.Instant;

/** A line in a queue or a customer's list of requests. */
public record CaseSummary(
        String reference,
        String subject,
        String customerEmail,
        String category,
        CaseStatus status,
        String assigneeName,
        Instant createdAt,
        Instant updatedAt) {

    static CaseSummary of(SupportCase c) {
        return new CaseSummary(
                c.reference(),
                c.subject(),
                c.customerEmail(),
                c.category(),
                c.status(),
                c.assigneeName(),
                c.createdAt(),
                c.updatedAt());
    }
}
