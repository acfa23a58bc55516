package com.answerloop.shared.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.shared.PortalSettings;
import com.answerloop.support.Mailbox;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the recipient of a repeated mail sees, on the real outbox table (Flyway on H2) and a real SMTP server: a mail
 * the outbox knows as sent under its key is not sent again; one it does not know as sent goes out again with the same
 * Message-ID, which every mail gets on the portal's own host.
 */
@DataJpaTest(
        properties = "spring.datasource.url=jdbc:h2:mem:mailer-tests;DB_CLOSE_DELAY=-1;MODE=MySQL;"
                + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
// The mailer delivers after commit, and a test's own transaction never commits.
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({Mailer.class, MailerTests.MailServer.class})
class MailerTests {

    private static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    @TestConfiguration
    static class MailServer {

        @Bean
        JavaMailSenderImpl mailSender() {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(MAIL.getSmtp().getPort());
            return sender;
        }

        @Bean
        MailSettings mailSettings() {
            return new MailSettings("Answerloop <no-reply@mail.example.org>", Duration.ofDays(30));
        }

        @Bean
        PortalSettings portalSettings() {
            return new PortalSettings(Path.of("data"), Path.of("kb-content"), "https://help.example.org/");
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Autowired
    Mailer mailer;

    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @Test
    void aMailSentBeforeUnderItsKeyIsNotSentAgain() {
        OutgoingMail mail = new OutgoingMail("ana@mailer.test", "Ben answered your question", "Read it here.")
                .withIdempotencyKey("community-notification-1.1700000000000");

        mailer.send(mail);
        mailer.send(mail);

        assertThat(Mailbox.mailsTo(MAIL, "ana@mailer.test")).hasSize(1);
        assertThat(statusesFor("ana@mailer.test")).containsExactly("SENT");
    }

    @Test
    void aMailNotKnownAsSentGoesOutAgainWithTheSameMessageIdOnThePortalsHost() {
        OutgoingMail mail = new OutgoingMail("bo@mailer.test", "Cy answered your question", "Read it here.")
                .withIdempotencyKey("community-notification-2.1700000000000");
        mailer.send(mail);
        // as after a crash between the server's acceptance and the outbox's "sent"
        jdbc.update("update mail_outbox set status = 'PENDING' where recipient = 'bo@mailer.test'");

        mailer.send(mail);

        assertThat(messageIdsTo("bo@mailer.test"))
                .containsExactly(
                        "<community-notification-2.1700000000000@help.example.org>",
                        "<community-notification-2.1700000000000@help.example.org>");
        assertThat(statusesFor("bo@mailer.test")).containsExactly("SENT");
    }

    @Test
    void mailWithoutAKeyGetsAMessageIdOfItsOwnOnThePortalsHost() {
        OutgoingMail mail = new OutgoingMail("di@mailer.test", "Reset your password", "Follow the link.");

        mailer.send(mail);
        mailer.send(mail);

        List<String> ids = messageIdsTo("di@mailer.test");
        assertThat(ids)
                .hasSize(2)
                .doesNotHaveDuplicates()
                .allMatch(id -> id.matches("<mail-\\d+\\.\\d+@help\\.example\\.org>"));
        assertThat(statusesFor("di@mailer.test")).containsExactly("SENT", "SENT");
    }

    private List<String> statusesFor(String recipient) {
        return jdbc.queryForList(
                "select status from mail_outbox where recipient = ? order by id", String.class, recipient);
    }

    private static List<String> messageIdsTo(String recipient) {
        return Mailbox.mailsTo(MAIL, recipient).stream().map(Mailbox::messageId).toList();
    }
}
