package com.answerloop.cases;

import java.time.Instant;
import java.util.List;

/**
 * A case as one reader may see it. Built for a customer it carries no internal notes, audit trail or links; built for
 * an agent it carries everything.
 */
public record CaseView(
        long id,
        String reference,
        String subject,
        String description,
        String customerEmail,
        String customerName,
        Long customerAccountId,
        String category,
        CaseStatus status,
        Long assigneeId,
        String assigneeName,
        String searchedWords,
        Instant createdAt,
        Instant updatedAt,
        Instant solvedAt,
        Integer effortScore,
        String effortComment,
        List<Message> messages,
        List<AuditLine> audit,
        List<Link> links) {

    public record Message(long id, MessageKind kind, String authorName, String body, Instant createdAt) {}

    public record AuditLine(String actor, String action, String detail, Instant createdAt) {}

    public record Link(String documentKey, String title, String url, String linkedBy, Instant createdAt) {}

    /** The words the customer wrote: subject, description and their later replies. */
    public List<Message> customerMessages() {
        return messages.stream().filter(m -> m.kind() == MessageKind.CUSTOMER).toList();
    }
}
