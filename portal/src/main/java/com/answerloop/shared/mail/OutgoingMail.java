package com.answerloop.shared.mail;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A plain-text email the portal wants to send.
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param text the plain-text body
 * @param unsubscribeUrl for mail a recipient can opt out of, the address that does it in one POST (RFC 8058); null
 *     for mail that answers the recipient's own action (verification, reset, case replies)
 * @param idempotencyKey for mail whose cause may be handled twice (an event delivered again after a crash), a key
 *     that is the same every time: a mail the outbox records as sent under it is not sent again, and its Message-ID
 *     is made from it; null for mail sent once by the request that causes it
 */
public record OutgoingMail(String to, String subject, String text, String unsubscribeUrl, String idempotencyKey) {

    // It becomes the left part of the Message-ID (RFC 5322 dot-atom-text), so only characters that need no quoting.
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        if (idempotencyKey != null
                && (idempotencyKey.length() > 120
                        || !KEY.matcher(idempotencyKey).matches())) {
            throw new IllegalArgumentException("not a usable idempotency key: " + idempotencyKey);
        }
    }

    public OutgoingMail(String to, String subject, String text, String unsubscribeUrl) {
        this(to, subject, text, unsubscribeUrl, null);
    }

    public OutgoingMail(String to, String subject, String text) {
        this(to, subject, text, null, null);
    }

    /** This mail, sent at most once under {@code key} as far as the outbox knows (letters, digits, '-' and '.'). */
    public OutgoingMail withIdempotencyKey(String key) {
        return new OutgoingMail(to, subject, text, unsubscribeUrl, Objects.requireNonNull(key, "key"));
    }
}
