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
import java.util.ArrayList;
import java.util.List;
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
        Path content = Files.createDirectories(temp.resolve("content"));
        try (PortalProcess portal = new PortalProcess(
                temp.resolve("data"),
                content,
                CrashScenarios.mailingPortal(mail.getSmtp().getPort()))) {
            portal.start();
            // a member asks (and so follows the question); the admin answers
            PortalClient member = CrashScenarios.registeredMember(portal, mail, MEMBER, MEMBER_PASSWORD);
            PortalClient admin = portal.signInAsAdmin();
            long thread = CrashScenarios.askAboutTheNightlySync(member);

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
            PortalProcess.within(Duration.ofSeconds(60), () -> CrashScenarios.answerNotices(asker) >= ANSWERS);
            String page = asker.get("/community/notifications").body();
            assertThat(CrashScenarios.answerNotices(asker))
                    .as(
                            "answer notifications in the portal after the restart, on a page saying:%n%s",
                            page.substring(Math.max(0, page.indexOf("<main"))))
                    .isEqualTo(ANSWERS);
            PortalProcess.within(Duration.ofSeconds(60), () -> noticesTo(MEMBER) >= ANSWERS);
            long mails = noticesTo(MEMBER);
            assertThat(mails).as("answer mails to the asker").isGreaterThanOrEqualTo(ANSWERS);
            // a mail the kill cut off mid-send goes out again, as the same message to the asker's mail client
            assertThat(CrashScenarios.answerMails(mail, MEMBER).stream()
                            .map(Mailbox::messageId)
                            .distinct())
                    .as("answer mails told apart by Message-ID")
                    .hasSize(ANSWERS);
            long notices = CrashScenarios.answerNotices(asker);
            CrashScenarios.report(
                    "H2: kill -9 50 ms after 15 answers (notices)",
                    acknowledged.size(),
                    ANSWERS - (int) Math.min(ANSWERS, notices),
                    (int) Math.min(ANSWERS, notices),
                    Duration.ofNanos(System.nanoTime() - start));
            System.out.printf(
                    "Answer mails: %d sent before the kill, %d in all for %d answers (%d sent twice, same Message-ID)%n",
                    noticesBeforeRestart, mails, ANSWERS, mails - ANSWERS);
        }
    }

    private long noticesTo(String address) {
        return CrashScenarios.answerMails(mail, address).size();
    }
}
