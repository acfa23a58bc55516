package com.answerloop.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.answerloop.shared.mail.Mailer;
import com.answerloop.shared.mail.OutboxEntry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Notification emails leave after the posting transaction commits, on another thread: posting an answer is as quick
 * with a mail server that accepts connections and never answers, or none at all, and the answer is stored either way;
 * with the server up the followers' email arrives.
 */
class NotificationMailTests extends CommunityTestSupport {

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    Mailer mailer;

    private final int greenMailPort = MAIL.getSmtp().getPort();

    @AfterEach
    void backToTheWorkingMailServer() {
        mailSender.setPort(greenMailPort);
    }

    @Test
    void answersArePostedQuicklyAndStoredWhileTheMailServerHangsOrIsDown() throws Exception {
        Member asker = member("Asker Smtp Down", 10);
        Member answerer = member("Answerer Smtp Down", 10);
        var thread = question(asker, "Does posting wait for the mail server?");

        try (BlackHole smtp = new BlackHole()) {
            mailSender.setPort(smtp.port());
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> postAnswer(answerer, thread.threadId(), "hangs"));
            assertThat(answerBodies(thread.threadId())).anyMatch(b -> b.contains("While the mail server hangs"));
            // The mail is on its way: the send hangs in the background, not in the request.
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> smtp.connections() > 0);
        }
        // Closing the black hole ends the hanging send; the outbox tells the operator it failed.
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> outboxTo(asker.email()).stream()
                        .anyMatch(m -> m.status().equals("FAILED")));

        // Now nothing listens on that port at all: connection refused.
        Member second = member("Second Smtp Down", 10);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> postAnswer(second, thread.threadId(), "refuses"));
        assertThat(answerBodies(thread.threadId())).anyMatch(b -> b.contains("While the mail server refuses"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> outboxTo(asker.email()).stream()
                                .filter(m -> m.status().equals("FAILED"))
                                .count()
                        == 2);
        assertThat(mailsTo(asker.email())).isEmpty();
    }

    @Test
    void followersAreEmailedAfterThePostWhenTheMailServerIsUp() throws Exception {
        Member asker = member("Asker Smtp Up", 10);
        Member answerer = member("Answerer Smtp Up", 10);
        var thread = question(asker, "Does the answer email arrive afterwards?");

        postAnswer(answerer, thread.threadId(), "up");

        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> !mailsTo(asker.email()).isEmpty());
        assertThat(lastMailTo(asker.email()))
                .contains("Answerer Smtp Up answered \"Does the answer email arrive afterwards?\"")
                .contains("/community/threads/" + thread.threadId());
        assertThat(outboxTo(asker.email())).extracting(OutboxEntry::status).containsExactly("SENT");
    }

    private void postAnswer(Member answerer, long threadId, String when) throws Exception {
        mvc.perform(post("/community/threads/{id}/answers", threadId)
                        .with(as(answerer))
                        .with(csrf())
                        .param("body", "While the mail server " + when + ", this answer is stored." + LONG_ENOUGH)
                        .param("action", "post"))
                .andExpect(status().is3xxRedirection());
    }

    private List<String> answerBodies(long threadId) {
        return threads.thread(threadId, null, AnswerSort.OLDEST).orElseThrow().answers().stream()
                .map(PostView::markdown)
                .toList();
    }

    private List<OutboxEntry> outboxTo(String address) {
        return mailer.recent(200).stream().filter(m -> m.to().equals(address)).toList();
    }

    /** An SMTP port that accepts connections and never says a word, like a mail server that hangs. */
    private static final class BlackHole implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        BlackHole() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        accepted.add(server.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return accepted.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
