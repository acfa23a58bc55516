package com.answerloop.shared.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One outgoing mail as stored in the outbox table, whether or not it could be delivered. */
@Entity
@Table(name = "mail_outbox")
class OutboxMessage {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
    static final String NOT_SENT = "NOT_SENT";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 254)
    private String recipient;

    @Column(nullable = false, length = 300)
    private String subject;

    @Column(nullable = false, length = 8000)
    private String body;

    @Column(nullable = false, length = 20)
    private String status;

    @Column(length = 500)
    private String error;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "idempotency_key", length = 120)
    private String idempotencyKey;

    protected OutboxMessage() {}

    /**
     * @param keepText whether to store the text; with a mail server only the delivery is recorded, so the table (and
     *     its backups) holds no live reset, verification or case link
     */
    OutboxMessage(OutgoingMail mail, String status, Instant createdAt, boolean keepText) {
        this.createdAt = createdAt;
        this.idempotencyKey = mail.idempotencyKey();
        attempt(mail, status, keepText);
    }

    /**
     * Records a new attempt at this mail: its first, or a repeat of one the outbox does not know to be sent (a crash
     * came between the mail server's acceptance and {@link #markSent()}).
     */
    void attempt(OutgoingMail mail, String status, boolean keepText) {
        this.recipient = mail.to();
        this.subject = abbreviate(mail.subject(), 300);
        this.body = keepText ? abbreviate(mail.text(), 8000) : "";
        this.status = status;
        this.error = null;
    }

    Long id() {
        return id;
    }

    /**
     * The left part of this mail's Message-ID, the same for every attempt: its idempotency key, or else its row and
     * creation time (the time keeps it unique should a fresh database count its rows from 1 again).
     */
    String messageIdLeftPart() {
        return idempotencyKey != null ? idempotencyKey : "mail-" + id + "." + createdAt.toEpochMilli();
    }

    void markSent() {
        this.status = SENT;
        this.error = null;
    }

    void markFailed(String error) {
        this.status = FAILED;
        this.error = abbreviate(error == null ? "unknown error" : error, 500);
    }

    OutboxEntry toEntry() {
        return new OutboxEntry(id, recipient, subject, body, status, error, createdAt);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
