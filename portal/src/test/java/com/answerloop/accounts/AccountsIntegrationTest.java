package com.answerloop.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.support.Content;
import com.answerloop.support.Mailbox;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base of the accounts integration tests: the whole portal on a random port with an in-memory H2 database (MySQL
 * mode), a temporary data directory, and a real SMTP server (GreenMail) that receives every email. One context serves
 * all subclasses.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:accounts-${random.uuid};DB_CLOSE_DELAY=-1;MODE=MySQL;"
                    + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
            "answerloop.accounts.admin-email=" + AccountsIntegrationTest.ADMIN_EMAIL,
            "answerloop.accounts.admin-password=" + AccountsIntegrationTest.ADMIN_PASSWORD,
        })
@AutoConfigureMockMvc
@Import(AccountsIntegrationTest.TestClock.class)
abstract class AccountsIntegrationTest {

    static final String ADMIN_EMAIL = "admin@answerloop.test";
    static final String ADMIN_PASSWORD = "correct horse battery staple 42";

    static final GreenMail MAIL = startMailServer();
    private static final Path DATA_DIR = Content.temporaryDirectory("answerloop-accounts-data");
    private static final Path CONTENT_DIR = Content.temporaryDirectory("answerloop-accounts-content");
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        // A subclass with properties of its own gets a context of its own, which must not open the same index (its
        // write lock is held by the first context): it names its own subdirectory.
        registry.add("answerloop.data-dir", () -> DATA_DIR + "/${answerloop.test.data-subdir:shared}");
        registry.add("answerloop.content-dir", CONTENT_DIR::toString);
    }

    @BeforeEach
    void resetMailAndClock() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
        clock.reset();
    }

    /** The emails received for this address, oldest first. */
    static List<MimeMessage> mailsTo(String address) {
        return Mailbox.mailsTo(MAIL, address);
    }

    /** The text of the newest email to that address. */
    static String lastMailTo(String address) {
        List<MimeMessage> mails = mailsTo(address);
        assertThat(mails).as("mails to " + address).isNotEmpty();
        return Mailbox.text(mails.getLast());
    }

    static String subjectOfLastMailTo(String address) {
        List<MimeMessage> mails = mailsTo(address);
        assertThat(mails).isNotEmpty();
        try {
            return mails.getLast().getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first link in the text, as an absolute URL. */
    static String linkIn(String text) {
        Matcher matcher = LINK.matcher(text);
        assertThat(matcher.find()).as("a link in: " + text).isTrue();
        return matcher.group();
    }

    /** The path and query of the first link in the text, e.g. {@code /verify-email?token=...}. */
    static String pathOfLinkIn(String text) {
        String url = linkIn(text);
        return url.replaceFirst("^https?://[^/]+", "");
    }

    /** Query parameter value of a path like {@code /x?token=abc}. */
    static String tokenOf(String pathAndQuery) {
        return pathAndQuery.substring(pathAndQuery.indexOf("token=") + "token=".length());
    }

    /** Registers and verifies an account through the service, as a fixture for tests about something else. */
    long verifiedAccount(String email, String displayName, String password) {
        accounts.register(email, displayName, password);
        assertThat(accounts.verifyEmail(tokenOf(pathOfLinkIn(lastMailTo(email)))))
                .isTrue();
        return accounts.findByEmail(email).orElseThrow().id();
    }

    private static GreenMail startMailServer() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    @TestConfiguration
    static class TestClock {

        // Replaces the application's system clock so tests can move time (token expiry, throttling).
        @Bean
        @org.springframework.context.annotation.Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }
}
