package com.answerloop.shared.mail;

import com.answerloop.shared.PortalSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Limit;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the portal's emails and records every one in the outbox table.
 *
 * <p>With an SMTP server configured ({@code spring.mail.host}) a mail is delivered after the surrounding transaction
 * commits, so a rolled-back registration never sends a link that does not work, and the outbox keeps only the delivery
 * record (recipient, subject, status), never the text with its links. Without one, the mail text is stored and logged
 * so a newcomer running the portal locally can still follow a verification link from the log.
 *
 * <p>Delivery is at least once: a mail the server accepted just before a crash, before the outbox recorded it as sent,
 * goes out again when its cause is handled again. Such a repeat carries the same Message-ID, so mail clients show it
 * once; a repeat of a mail the outbox records as sent is not sent at all (see {@link OutgoingMail#idempotencyKey()}).
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> senders;
    private final OutboxMessages outbox;
    private final MailSettings settings;
    private final TransactionTemplate transactions;
    private final TransactionTemplate newTransactions;
    private final Clock clock;
    private final MessageIds messageIds;

    Mailer(
            ObjectProvider<JavaMailSender> senders,
            OutboxMessages outbox,
            MailSettings settings,
            PortalSettings portal,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.senders = senders;
        this.outbox = outbox;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.newTransactions = new TransactionTemplate(transactionManager);
        this.newTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.messageIds = new MessageIds(portal.baseUrl(), settings.from());
    }

    /** Whether an SMTP server is configured; without one mail only reaches the outbox. */
    public boolean deliversMail() {
        return senders.getIfAvailable() != null;
    }

    /**
     * Stores the mail in the outbox and delivers it (after commit when a transaction is active). A mail with an
     * idempotency key that the outbox records as sent is not sent again.
     */
    public void send(OutgoingMail mail) {
        JavaMailSender sender = senders.getIfAvailable();
        String status = sender == null ? OutboxMessage.NOT_SENT : OutboxMessage.PENDING;
        Attempt attempt = transactions.execute(tx -> record(mail, status, sender == null));
        if (attempt == null) {
            return;
        }
        if (sender == null) {
            log.info(
                    "No mail server configured (spring.mail.host): mail #{} to {} kept in the outbox, see /admin/outbox."
                            + "\nSubject: {}\n{}",
                    attempt.id(),
                    mail.to(),
                    mail.subject(),
                    mail.text());
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(sender, attempt, mail);
                }
            });
        } else {
            deliver(sender, attempt, mail);
        }
    }

    /** The outbox row of this attempt and the Message-ID it goes out with. */
    private record Attempt(long id, String messageId) {}

    /** Writes the attempt into the outbox; null when the mail was sent before under its idempotency key. */
    private Attempt record(OutgoingMail mail, String status, boolean keepText) {
        String key = mail.idempotencyKey();
        if (key != null && outbox.existsByIdempotencyKeyAndStatus(key, OutboxMessage.SENT)) {
            log.info("Mail to {} ({}) was sent before; not sending it again", mail.to(), key);
            return null;
        }
        Optional<OutboxMessage> earlier =
                key == null ? Optional.empty() : outbox.findFirstByIdempotencyKeyOrderByIdDesc(key);
        OutboxMessage message;
        if (earlier.isPresent()) {
            // one row per mail, however often it is attempted: the outbox page then shows how it ended
            message = earlier.get();
            message.attempt(mail, status, keepText);
        } else {
            message = outbox.save(new OutboxMessage(mail, status, clock.instant(), keepText));
        }
        return new Attempt(message.id(), messageIds.of(message));
    }

    /** The most recent mails, newest first. */
    public List<OutboxEntry> recent(int limit) {
        return transactions.execute(tx -> outbox.findByOrderByIdDesc(Limit.of(limit)).stream()
                .map(OutboxMessage::toEntry)
                .toList());
    }

    private void deliver(JavaMailSender sender, Attempt attempt, OutgoingMail mail) {
        long id = attempt.id();
        try {
            MimeMessage message =
                    new StableIdMimeMessage(sender.createMimeMessage().getSession(), attempt.messageId());
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.from());
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text());
            if (mail.unsubscribeUrl() != null) {
                // RFC 2369 and RFC 8058: mail clients show an "Unsubscribe" button that posts to the link directly
                message.addHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
                message.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            sender.send(message);
            newTransactions.executeWithoutResult(tx -> outbox.findById(id).ifPresent(OutboxMessage::markSent));
            log.info("Mail #{} {} sent to {}: {}", id, attempt.messageId(), mail.to(), mail.subject());
        } catch (MailException | MessagingException e) {
            // The caller's work is done and committed; a failed delivery is recorded, not thrown.
            log.warn("Mail #{} to {} could not be sent: {}", id, mail.to(), e.getMessage(), e);
            newTransactions.executeWithoutResult(
                    tx -> outbox.findById(id).ifPresent(m -> m.markFailed(e.getMessage())));
        }
    }
}
