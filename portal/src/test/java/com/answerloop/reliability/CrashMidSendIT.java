package com.answerloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.support.Mailbox;
import com.answerloop.support.PortalClient;
import com.answerloop.support.PortalProcess;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of the SMTP conversation: the mail server has accepted an answer's notification mail,
 * its reply is held back on the way to the portal, and the portal dies before it could record the mail as sent. After
 * the restart the notification's event is delivered again and the mail goes out a second time, which SMTP cannot
 * prevent; it carries the same Message-ID, so the asker's mail client shows it once, and the outbox records it once.
 */
class CrashMidSendIT {

    private static final String MEMBER = "mid-send@crash.test";
    private static final String MEMBER_PASSWORD = "a long enough member password";
    private static final String PORTAL_HOST = "help.crash.test";
    /** An answer mail's entry on the outbox page: its subject, then its status. */
    private static final Pattern OUTBOX_ANSWER_MAIL =
            Pattern.compile("<h2>[^<]* answered [^<]*</h2>.*?status <strong>(\\w+)</strong>", Pattern.DOTALL);

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
    void aMailCutOffBeforeTheServersReplyGoesOutAgainWithTheSameMessageId() throws Exception {
        Path content = Files.createDirectories(temp.resolve("content"));
        try (HoldingSmtpRelay relay = new HoldingSmtpRelay(mail.getSmtp().getPort());
                PortalProcess portal = new PortalProcess(temp.resolve("data"), content, environment(relay.port()))) {
            portal.start();
            PortalClient member = CrashScenarios.registeredMember(portal, mail, MEMBER, MEMBER_PASSWORD);
            long thread = CrashScenarios.askAboutTheNightlySync(member);

            relay.holdNextDataReply();
            PortalClient.Response answered =
                    portal.signInAsAdmin().postJson("/api/v1/threads/" + thread + "/answers", """
                    {"body":"Check that the sync service starts with the server, then look at its log."}""");
            assertThat(answered.status()).as(answered.body()).isEqualTo(201);
            assertThat(relay.awaitReplyHeld(Duration.ofSeconds(30)))
                    .as("the answer mail's end of DATA reached the mail server")
                    .isTrue();
            assertThat(PortalProcess.within(
                            Duration.ofSeconds(10),
                            () -> CrashScenarios.answerMails(mail, MEMBER).size() == 1))
                    .as("the mail server accepted the answer mail before the kill")
                    .isTrue();
            portal.kill();

            portal.start();
            long start = System.nanoTime();
            PortalProcess.within(
                    Duration.ofSeconds(60),
                    () -> CrashScenarios.answerMails(mail, MEMBER).size() >= 2);
            Duration repeatedAfter = Duration.ofNanos(System.nanoTime() - start);
            List<String> messageIds = CrashScenarios.answerMails(mail, MEMBER).stream()
                    .map(Mailbox::messageId)
                    .toList();
            assertThat(messageIds)
                    .as("copies of the answer mail: the one accepted before the kill, and the repeat after the restart")
                    .hasSizeGreaterThanOrEqualTo(2);
            assertThat(Set.copyOf(messageIds))
                    .as("Message-IDs of the copies of the one answer mail")
                    .hasSize(1)
                    .allMatch(id -> id.endsWith("@" + PORTAL_HOST + ">"));
            long notices = CrashScenarios.answerNotices(portal.signIn(MEMBER, MEMBER_PASSWORD));
            assertThat(notices)
                    .as("the answer's notification on the asker's page")
                    .isEqualTo(1);
            List<String> outbox = OUTBOX_ANSWER_MAIL
                    .matcher(portal.signInAsAdmin().get("/admin/outbox").body())
                    .results()
                    .map(found -> found.group(1))
                    .toList();
            assertThat(outbox).as("the answer mail on the outbox page").containsExactly("SENT");

            CrashScenarios.report(
                    "H2: kill -9 with the SMTP reply held (mail)", 1, 1 - (int) notices, (int) notices, repeatedAfter);
            System.out.printf(
                    "Answer mail cut off mid-send: %d copies reached the mail server, all with Message-ID %s%n",
                    messageIds.size(), messageIds.getFirst());
        }
    }

    private static Map<String, String> environment(int smtpPort) {
        Map<String, String> environment = new HashMap<>(CrashScenarios.mailingPortal(smtpPort));
        // the host the Message-IDs are made on
        environment.put("ANSWERLOOP_BASE_URL", "http://" + PORTAL_HOST);
        return environment;
    }
}
