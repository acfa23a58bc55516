package com.answerloop.community;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.UserAccount;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells members about activity: a notification in the portal (in the caller's transaction) and, unless they
 * unsubscribed, an email with an unsubscribe link, sent after commit and asynchronously by {@link NotificationMails}.
 */
@Component
@Transactional
class Notifier {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Notifications notifications;
    private final MailPreferences preferences;
    private final AccountManagement accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notifier(
            Notifications notifications,
            MailPreferences preferences,
            AccountManagement accounts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    void notify(long accountId, Notification.Kind kind, ForumThread thread, Long postId, String message) {
        Notification notification =
                notifications.save(new Notification(accountId, kind, thread.id(), postId, message, clock.instant()));
        Optional<UserAccount> account = accounts.findById(accountId);
        if (account.isEmpty()
                || account.get().suspended()
                || !preference(accountId).mailEnabled()) {
            return;
        }
        // The email itself goes out after commit on another thread (NotificationMails).
        events.publishEvent(new NotificationMailDue(notification.id()));
    }

    MailPreference preference(long accountId) {
        return preferences.findById(accountId).orElseGet(() -> {
            byte[] token = new byte[24];
            RANDOM.nextBytes(token);
            preferences.createIfAbsent(accountId, HexFormat.of().formatHex(token));
            return preferences.findById(accountId).orElseThrow();
        });
    }
}
