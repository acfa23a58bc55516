package com.answerloop.community;

import com.answerloop.accounts.AccountManagement;
import com.answerloop.accounts.UserAccount;
import com.answerloop.shared.PortalSettings;
import com.answerloop.shared.mail.Mailer;
import com.answerloop.shared.mail.OutgoingMail;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells members about activity: a notification in the portal and, unless they unsubscribed, an email with an
 * unsubscribe link. Mail is handed to {@link Mailer}, which sends after the transaction commits.
 */
@Component
@Transactional
class Notifier {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Notifications notifications;
    private final MailPreferences preferences;
    private final AccountManagement accounts;
    private final Mailer mailer;
    private final PortalSettings portal;
    private final Clock clock;

    Notifier(
            Notifications notifications,
            MailPreferences preferences,
            AccountManagement accounts,
            Mailer mailer,
            PortalSettings portal,
            ObjectProvider<Clock> clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.accounts = accounts;
        this.mailer = mailer;
        this.portal = portal;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    void notify(long accountId, Notification.Kind kind, ForumThread thread, Long postId, String message) {
        notifications.save(new Notification(accountId, kind, thread.id(), postId, message, clock.instant()));
        Optional<UserAccount> account = accounts.findById(accountId);
        if (account.isEmpty() || account.get().suspended()) {
            return;
        }
        MailPreference preference = preference(accountId);
        if (!preference.mailEnabled()) {
            return;
        }
        String link = portal.absoluteUrl(thread.url() + (postId == null ? "" : "#post-" + postId));
        mailer.send(new OutgoingMail(account.get().email(), "[Answerloop community] " + message, """
                Hello %s,

                %s

                Read it here: %s

                You get this email because you take part in or follow this discussion.
                Unsubscribe from community emails: %s
                """.formatted(
                        account.get().displayName(),
                        message,
                        link,
                        portal.absoluteUrl("/community/unsubscribe?token=" + preference.token()))));
    }

    MailPreference preference(long accountId) {
        return preferences.findById(accountId).orElseGet(() -> {
            byte[] token = new byte[24];
            RANDOM.nextBytes(token);
            return preferences.save(new MailPreference(accountId, HexFormat.of().formatHex(token)));
        });
    }
}
