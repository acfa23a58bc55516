package com.answerloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.support.Mailbox;
import com.answerloop.support.PortalClient;
import com.answerloop.support.PortalProcess;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} between the commit of answers and their notifications: the asker is notified after the restart of
 * every answer the API acknowledged, in the portal and by mail. The notifications are written by listeners after the
 * answer's commit; the event publication registry, written in the answer's own transaction, hands them over again.
 */
class CrashNotificationIT {

    private static final int ANSWERS = 15;
    private static final String MEMBER = "asker@crash.test";
    private static final String MEMBER_PASSWORD = "a long enough member password";
    private static final Pattern VERIFY_LINK = Pattern.compile("/verify-email\\?token=([A-Za-z0-9_%-]+)");
    private static final Pattern NOTICE = Pattern.compile(" answered &quot;Why does the nightly sync stop");

    @TempDir
    Path temp;

    private final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @BeforeEach
    void startMail() {
        mail.start();
    }

    @AfterEach
    void stopMail() {
        mail.stop();
    }

    @Test
    void everyAcknowledgedAnswerIsNotifiedAfterAKill() throws Exception {
        Map<String, String> environment = Map.of(
                "SPRING_MAIL_HOST", "127.0.0.1",
                "SPRING_MAIL_PORT", Integer.toString(mail.getSmtp().getPort()),
                "ANSWERLOOP_COMMUNITY_POSTINTERVAL", "0s",
                // everyone here joined today: the first-day allowance would stop the answers at five
                "ANSWERLOOP_COMMUNITY_NEWMEMBERPOSTSFIRSTDAY", "100");
        Path content = Files.createDirectories(temp.resolve("content"));
        try (PortalProcess portal = new PortalProcess(temp.resolve("data"), content, environment)) {
            portal.start();
            // a member asks (and so follows the question); the admin answers
            PortalClient member = registeredMember(portal);
            PortalClient admin = portal.signInAsAdmin();
            PortalClient.Response asked = member.postJson("/api/v1/threads", """
                    {"topic":"general","title":"Why does the nightly sync stop after a restart?",
                     "body":"Since the upgrade the nightly sync stops whenever the server restarts. What can I check?"}""");
            assertThat(asked.status()).as(asked.body()).isEqualTo(201);
            long thread = ((Number) asked.json("$.threadId")).longValue();

            List<Long> acknowledged = new ArrayList<>();
            for (int i = 1; i <= ANSWERS; i++) {
                PortalClient.Response answered =
                        admin.postJson("/api/v1/threads/" + thread + "/answers", """
                        {"body":"Idea %d: check that the sync service starts with the server, then look at its log."}""".formatted(i));
                assertThat(answered.status()).as(answered.body()).isEqualTo(201);
                acknowledged.add(((Number) answered.json("$.postId")).longValue());
            }
            Thread.sleep(50);
            portal.kill();
            long noticesBeforeRestart = noticesTo(MEMBER);

            portal.start();
            long start = System.nanoTime();
            PortalClient asker = portal.signIn(MEMBER, MEMBER_PASSWORD);
            PortalProcess.within(Duration.ofSeconds(60), () -> notices(asker) >= ANSWERS);
            String page = asker.get("/community/notifications").body();
            assertThat(notices(asker))
                    .as(
                            "answer notifications in the portal after the restart, on a page saying:%n%s",
                            page.substring(Math.max(0, page.indexOf("<main"))))
                    .isEqualTo(ANSWERS);
            PortalProcess.within(Duration.ofSeconds(60), () -> noticesTo(MEMBER) >= ANSWERS);
            long mails = noticesTo(MEMBER);
            assertThat(mails).as("answer mails to the asker").isGreaterThanOrEqualTo(ANSWERS);
            CrashScenarios.report(
                    "H2: kill -9 50 ms after 15 answers (notices)",
                    acknowledged.size(),
                    ANSWERS - (int) Math.min(ANSWERS, notices(asker)),
                    (int) Math.min(ANSWERS, notices(asker)),
                    Duration.ofNanos(System.nanoTime() - start));
            System.out.printf(
                    "Answer mails: %d sent before the kill, %d in all for %d answers (%d sent twice)%n",
                    noticesBeforeRestart, mails, ANSWERS, mails - ANSWERS);
        }
    }

    /** Registers the asking member through the pages and the verification mail, as a person would. */
    private PortalClient registeredMember(PortalProcess portal) throws Exception {
        PortalClient visitor = portal.anonymous();
        visitor.get("/register");
        PortalClient.Response registered = visitor.form(
                "/register", Map.of("email", MEMBER, "displayName", "Crash Asker", "password", MEMBER_PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(302);
        assertThat(mail.waitForIncomingEmail(30_000, 1)).as("verification mail").isTrue();
        Matcher link =
                VERIFY_LINK.matcher(Mailbox.text(Mailbox.mailsTo(mail, MEMBER).getFirst()));
        assertThat(link.find()).as("verification link").isTrue();
        String token = java.net.URLDecoder.decode(link.group(1), java.nio.charset.StandardCharsets.UTF_8);
        visitor.get("/verify-email?token=" + link.group(1));
        PortalClient.Response verified = visitor.form("/verify-email", Map.of("token", token));
        assertThat(verified.status()).as(verified.body()).isEqualTo(302);
        return portal.signIn(MEMBER, MEMBER_PASSWORD);
    }

    /** The answer notifications on the asker's notifications page. */
    private static long notices(PortalClient asker) {
        return NOTICE.matcher(asker.get("/community/notifications").body())
                .results()
                .count();
    }

    private long noticesTo(String address) {
        return Mailbox.mailsTo(mail, address).stream()
                .filter(CrashNotificationIT::isAnswerMail)
                .count();
    }

    private static boolean isAnswerMail(MimeMessage message) {
        try {
            return message.getSubject().contains("answered");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
