package com.answerloop.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One entry of a case's conversation: the customer's words, an agent's public reply, or an internal note. */
@Entity
@Immutable
@Table(name = "case_messages")
class CaseMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long caseId;

    @Enumerated(EnumType.STRING)
    private MessageKind kind;

    private String authorName;
    private String body;
    private Instant createdAt;

    protected CaseMessage() {}

    CaseMessage(long caseId, MessageKind kind, String authorName, String body, Instant now) {
        this.caseId = caseId;
        this.kind = kind;
        this.authorName = authorName;
        this.body = body;
        this.createdAt = now;
    }

    CaseView.Message toView() {
        return new CaseView.Message(id, kind, authorName, body, createdAt);
    }

    MessageKind kind() {
        return kind;
    }

    String body() {
        return body;
    }
}
