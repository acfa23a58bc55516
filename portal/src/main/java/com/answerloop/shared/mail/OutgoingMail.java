package com.answerloop.shared.mail;

import java.util.Objects;

/**
 * A plain-text email the portal wants to send.
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param text the plain-text body
 * @param unsubscribeUrl for mail a recipient can opt out of, the address that does it in one POST (RFC 8058); null
 *     for mail that answers the recipient's own action (verification, reset, case replies)
 */
public record OutgoingMail(String to, String subject, String text, String unsubscribeUrl) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    public OutgoingMail(String to, String subject, String text) {
        this(to, subject, text, null);
    }
}
