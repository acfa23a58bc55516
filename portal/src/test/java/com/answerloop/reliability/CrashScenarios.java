package com.answerloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.answerloop.support.Mailbox;
import com.answerloop.support.PortalClient;
import com.answerloop.support.PortalProcess;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crash scenarios of issue 16 against a real portal process: what the portal acknowledged before a {@code kill -9}
 * must be there, and searchable, after it starts again. Each scenario prints one line of the chaos table.
 */
final class CrashScenarios {

    /** A question acknowledged with 201, and the word only it contains. */
    record Acknowledged(long threadId, String word) {}

    private static final Pattern VERIFY_LINK = Pattern.compile("/verify-email\\?token=([A-Za-z0-9_%-]+)");
    private static final Pattern ANSWER_NOTICE = Pattern.compile(" answered &quot;Why does the nightly sync stop");

    private CrashScenarios() {}

    /** Posts {@code count} questions back to back; each must be answered 201. */
    static List<Acknowledged> askQuestions(PortalClient admin, int count) {
        List<Acknowledged> acknowledged = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String word = uniqueWord();
            PortalClient.Response response = admin.postJson("/api/v1/threads", """
                    {"topic":"general","title":"How do I set up the %s connector?",
                     "body":"I installed the %s connector yesterday and the sync never starts. What am I missing?",
                     "tags":["sync"]}""".formatted(word, word));
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            acknowledged.add(new Acknowledged(((Number) response.json("$.threadId")).longValue(), word));
        }
        return acknowledged;
    }

    /**
     * Writes {@code count} articles into a section of {@code content}; each contains {@code sharedWord} and a word of
     * its own, which is returned (in file order).
     */
    static List<String> writeArticles(Path content, int count, String sharedWord) throws IOException {
        Path section = Files.createDirectories(content.resolve("guides").resolve("connectors"));
        Files.writeString(content.resolve("guides").resolve("_index.md"), "---\ntitle: Guides\n---\n");
        Files.writeString(section.resolve("_index.md"), "---\ntitle: Connectors\n---\n");
        List<String> words = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String word = uniqueWord();
            words.add(word);
            Files.writeString(
                    section.resolve("connector-" + i + ".md"), """
                    ---
                    title: Set up connector %d (%s)
                    summary: How to connect the %s service.
                    tags: [connectors]
                    ---

                    Open the settings, choose %s and paste your key. The %s connector syncs every hour.
                    """.formatted(i, word, word, word, sharedWord));
        }
        return words;
    }

    /** Letters only, so the analyzers keep it as one searchable term. */
    static String uniqueWord() {
        StringBuilder word = new StringBuilder("zk");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    /**
     * The acknowledged questions the restarted portal answers 404 for. A 5xx (a portal still starting, or briefly
     * read-only) is asked again for up to 30 s: it says nothing about what is stored, and counting it as lost made
     * the scenario fail on a busy machine with nothing lost.
     */
    static List<Acknowledged> missingFromDatabase(PortalClient reader, List<Acknowledged> acknowledged) {
        List<Acknowledged> lost = new ArrayList<>();
        for (Acknowledged question : acknowledged) {
            int[] status = new int[1];
            PortalProcess.within(Duration.ofSeconds(30), () -> {
                status[0] = reader.get("/api/v1/threads/" + question.threadId()).status();
                return status[0] < 500;
            });
            assertThat(status[0])
                    .as("the restarted portal reads question %d (200 or 404)", question.threadId())
                    .isLessThan(500);
            if (status[0] != 200) {
                lost.add(question);
            }
        }
        return lost;
    }

    static List<Acknowledged> missingFromSearch(PortalClient reader, List<Acknowledged> acknowledged) {
        return acknowledged.stream()
                .filter(question -> {
                    PortalClient.Response found = reader.get("/api/v1/search?type=thread&q=" + question.word());
                    return found.status() != 200 || ((Number) found.json("$.total")).intValue() != 1;
                })
                .toList();
    }

    /**
     * Waits up to {@code limit} for every acknowledged question to be found by search; returns how long it took, or
     * fails naming the questions the index lost.
     */
    static Duration awaitSearchable(PortalProcess portal, List<Acknowledged> acknowledged, Duration limit) {
        PortalClient reader = portal.anonymous();
        long start = System.nanoTime();
        PortalProcess.within(
                limit, () -> missingFromSearch(reader, acknowledged).isEmpty());
        assertThat(missingFromSearch(reader, acknowledged))
                .as("acknowledged questions missing from search %s after the restart", limit)
                .isEmpty();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Environment for a portal that mails through the SMTP server on {@code smtpPort} and lets a member who joined
     * today post as often as a scenario needs.
     */
    static Map<String, String> mailingPortal(int smtpPort) {
        return Map.of(
                "SPRING_MAIL_HOST", "127.0.0.1",
                "SPRING_MAIL_PORT", Integer.toString(smtpPort),
                "ANSWERLOOP_COMMUNITY_POSTINTERVAL", "0s",
                // everyone here joined today: the first-day allowance would stop the answers at five
                "ANSWERLOOP_COMMUNITY_NEWMEMBERPOSTSFIRSTDAY", "100");
    }

    /** Registers a member through the pages and the verification mail, as a person would; returns their session. */
    static PortalClient registeredMember(PortalProcess portal, GreenMail mail, String email, String password) {
        PortalClient visitor = portal.anonymous();
        visitor.get("/register");
        PortalClient.Response registered =
                visitor.form("/register", Map.of("email", email, "displayName", "Crash Asker", "password", password));
        assertThat(registered.status()).as(registered.body()).isEqualTo(302);
        assertThat(PortalProcess.within(
                        Duration.ofSeconds(30),
                        () -> !Mailbox.mailsTo(mail, email).isEmpty()))
                .as("verification mail")
                .isTrue();
        Matcher link =
                VERIFY_LINK.matcher(Mailbox.text(Mailbox.mailsTo(mail, email).getFirst()));
        assertThat(link.find()).as("verification link").isTrue();
        String token = URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
        visitor.get("/verify-email?token=" + link.group(1));
        PortalClient.Response verified = visitor.form("/verify-email", Map.of("token", token));
        assertThat(verified.status()).as(verified.body()).isEqualTo(302);
        return portal.signIn(email, password);
    }

    /** The member asks the question whose answers the notification scenarios count; returns its thread's id. */
    static long askAboutTheNightlySync(PortalClient member) {
        PortalClient.Response asked = member.postJson("/api/v1/threads", """
                {"topic":"general","title":"Why does the nightly sync stop after a restart?",
                 "body":"Since the upgrade the nightly sync stops whenever the server restarts. What can I check?"}""");
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        return ((Number) asked.json("$.threadId")).longValue();
    }

    /** The notifications of answers to that question on the member's notifications page. */
    static long answerNotices(PortalClient member) {
        return ANSWER_NOTICE
                .matcher(member.get("/community/notifications").body())
                .results()
                .count();
    }

    /** The answer notification mails the member's mailbox received, oldest first. */
    static List<MimeMessage> answerMails(GreenMail mail, String address) {
        return Mailbox.mailsTo(mail, address).stream()
                .filter(message -> {
                    try {
                        return message.getSubject().contains("answered");
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** One row of the table {@code scripts/chaos.sh} prints. */
    static void report(String scenario, int acknowledged, int lost, int recovered, Duration timeToRecover) {
        System.out.printf(
                "CHAOS | %-40s | %5d | %4d | %5d | %6d ms |%n",
                scenario, acknowledged, lost, recovered, timeToRecover.toMillis());
    }
}
