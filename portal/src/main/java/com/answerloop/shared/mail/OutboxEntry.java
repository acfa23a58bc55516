package com.answerloop.shared.mail;

import java.time.Instant;

/**
 * A mail as recorded in the outbox, for the administrators' outbox page.
 *
 * @param text the mail's text; empty when a mail server delivered it (only the delivery is recorded)
 * @param status {@code SENT}, {@code FAILED}, {@code PENDING} or {@code NOT_SENT} (no mail server configured)
 */
public record OutboxEntry(
        long id, String to, String subject, String text, String status, String error, Instant createdAt) {}
