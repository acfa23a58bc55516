package com.answerloop.shared.mail;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Limit;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the portal's emails and keeps every one in the outbox table.
 *
 * <p>With an SMTP server configured ({@code spring.mail.host}) a mail is delivered after the surrounding transaction
 * commits, so a rolled-back registration never sends a link that does not work. Without one, the mail is stored (and
 * logged) so a newcomer running the portal locally can still follow a verification link from the admin outbox page.
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
            ObjectProvider<Clock> clock) {
        this.senders = senders;
        this.outbox = outbox;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.newTransactions = new TransactionTemplate(transactionManager);
        this.newTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Whether an SMTP server is configured; without one mail only reaches the outbox. */
    public boolean deliversMail() {
        return senders.getIfAvailable() != null;
    }

    /** Stores the mail in the outbox and delivers it (after commit when a transaction is active). */
    public void send(OutgoingMail mail) {
        JavaMailSender sender = senders.getIfAvailable();
        String status = sender == null ? OutboxMessage.NOT_SENT : OutboxMessage.PENDING;
        long id = transactions.execute(tx ->
                outbox.save(new OutboxMessage(mail, status, clock.instant())).id());
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
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.from());
        message.setTo(mail.to());
        message.setSubject(mail.subject());
        message.setText(mail.text());
        try {
            sender.send(message);
            newTransactions.executeWithoutResult(tx -> outbox.findById(id).ifPresent(OutboxMessage::markSent));
            log.info("Mail #{} sent to {}: {}", id, mail.to(), mail.subject());
        } catch (MailException e) {
            // The caller's work is done and committed; a failed delivery is recorded, not thrown.
            log.warn("Mail #{} to {} could not be sent: {}", id, mail.to(), e.getMessage(), e);
            newTransactions.executeWithoutResult(
                    tx -> outbox.findById(id).ifPresent(m -> m.markFailed(e.getMessage())));
        }
    }
}
