package com.answerloop.shared.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How outgoing mail is addressed. The SMTP server itself is configured with the standard {@code spring.mail.*}
 * properties; without {@code spring.mail.host} mail is only stored in the outbox.
 *
 * @param from the sender address, e.g. {@code Answerloop <no-reply@example.com>}
 * @param retention how long a mail that was sent (or given up on) stays in the outbox, for support questions
 *     ("did the reset mail go out?"); pending mail is always kept
 */
@ConfigurationProperties("answerloop.mail")
public record MailSettings(
        @DefaultValue("Answerloop <no-reply@example.com>") String from,
        @DefaultValue("30d") Duration retention) {}
