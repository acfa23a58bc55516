package com.answerloop.shared.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
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

    Mailer(
            ObjectProvider<JavaMailSender> senders,
            OutboxMessages outbox,
            MailSettings settings,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.senders = senders;
        this.outbox = outbox;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.newTransactions = new TransactionTemplate(transactionManager);
        this.newTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Whether an SMTP server is configured; without one mail only reaches the outbox. */
    public boolean deliversMail() {
        return senders.getIfAvailable() != null;
    }

    /** Stores the mail in the outbox and delivers it (after commit when a transaction is active). */
    public void send(OutgoingMail mail) {
        JavaMailSender sender = senders.getIfAvailable();
        String status = sender == null ? OutboxMessage.NOT_SENT : OutboxMessage.PENDING;
        long id =
                transactions.execute(tx -> outbox.save(new OutboxMessage(mail, status, clock.instant(), sender == null))
                        .id());
        if (sender == null) {
            log.info(
                    "No mail server configured (spring.mail.host): mail #{} to {} kept in the outbox, see /admin/outbox."
                            + "\nSubject: {}\n{}",
                    id,
                    mail.to(),
                    mail.subject(),
                    mail.text());
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(sender, id, mail);
                }
            });
        } else {
            deliver(sender, id, mail);
        }
    }

    /** The most recent mails, newest first. */
    public List<OutboxEntry> recent(int limit) {
        return transactions.execute(tx -> outbox.findByOrderByIdDesc(Limit.of(limit)).stream()
                .map(OutboxMessage::toEntry)
                .toList());
    }

    private void deliver(JavaMailSender sender, long id, OutgoingMail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
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
            log.info("Mail #{} sent to {}: {}", id, mail.to(), mail.subject());
        } catch (MailException | MessagingException e) {
            // The caller's work is done and committed; a failed delivery is recorded, not thrown.
            log.warn("Mail #{} to {} could not be sent: {}", id, mail.to(), e.getMessage(), e);
            newTransactions.executeWithoutResult(
                    tx -> outbox.findById(id).ifPresent(m -> m.markFailed(e.getMessage())));
        }
    }
}
