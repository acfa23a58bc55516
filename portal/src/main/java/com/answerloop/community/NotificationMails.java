package com.answerloop.community;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.UserAccount;
import com.answerloop.shared.PortalSettings;
import com.answerloop.shared.mail.MailDelivery;
import com.answerloop.shared.mail.Mailer;
import com.answerloop.shared.mail.OutgoingMail;
import java.util.Optional;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Emails a notification to its member after the posting transaction committed, asynchronously (the event publication
 * registry still tracks it). The member's state is read again here: someone who unsubscribed or was suspended in the
 * meantime gets nothing.
 */
@Component
class NotificationMails {

    private final Notifications notifications;
    private final ForumThreads threads;
    private final MailPreferences preferences;
    private final AccountManagement accounts;
    private final Mailer mailer;
    private final PortalSettings portal;

    NotificationMails(
            Notifications notifications,
            ForumThreads threads,
            MailPreferences preferences,
            AccountManagement accounts,
            Mailer mailer,
            PortalSettings portal) {
        this.notifications = notifications;
        this.threads = threads;
        this.preferences = preferences;
        this.accounts = accounts;
        this.mailer = mailer;
        this.portal = portal;
    }

    // Deliberately no transaction around the listener (unlike @ApplicationModuleListener): the SMTP conversation must
    // not hold a database connection, or a burst of notifications exhausts the pool while each waits for a second one.
    @Async(MailDelivery.EXECUTOR)
    @TransactionalEventListener
    void on(NotificationMailDue event) {
        Optional<Notification> found = notifications.findById(event.notificationId());
        if (found.isEmpty()) {
            return;
        }
        Notification notification = found.get();
        Optional<UserAccount> account = accounts.findById(notification.accountId());
        Optional<MailPreference> preference = preferences.findById(notification.accountId());
        Optional<ForumThread> thread = threads.findById(notification.threadId());
        if (account.isEmpty()
                || account.get().suspended()
                || preference.isEmpty()
                || !preference.get().mailEnabled()
                || thread.isEmpty()) {
            return;
        }
        Long postId = notification.postId();
        String link = portal.absoluteUrl(thread.get().url() + (postId == null ? "" : "#post-" + postId));
        String unsubscribe = portal.absoluteUrl(
                "/community/unsubscribe?token=" + preference.get().token());
        OutgoingMail mail = new OutgoingMail(
                account.get().email(),
                "[Answerloop community] " + notification.message(),
                """
                Hello %s,

                %s

                Read it here: %s

                You get this email because you take part in or follow this discussion.
                Unsubscribe from community emails: %s
                """.formatted(account.get().displayName(), notification.message(), link, unsubscribe),
                unsubscribe);
        // this listener runs again when its event is delivered again after a crash: the key lets the outbox know it
        mailer.send(mail.withIdempotencyKey(notification.mailKey()));
    }
}
