package com.answerloop.shared.mail;

import java.util.Objects;

/**
 * A plain-text email the portal wants to send.
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param text the plain-text body
 */
public record OutgoingMail(String to, String subject, String text) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }
}
