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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Notification emails leave after the posting transaction commits, on a mail thread of their own: posting an answer is
 * as quick with a mail server that accepts connections and never answers, or none at all, and the answer is stored
 * either way; a server that never answers is given up on and the outbox says so; with the server up the followers'
 * email arrives.
 */
class NotificationMailIT extends CommunityTestSupport {

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    Mailer mailer;

    private final int greenMailPort = MAIL.getSmtp().getPort();

    /**
     * Index updates and notifications that earlier test classes left queued would otherwise delay this class's mail
     * past its bounds, or go to its hanging mail server.
     */
    @BeforeEach
    void earlierWorkIsDone() {
        awaitBackgroundWorkDone();
    }

    @AfterEach
    void backToTheWorkingMailServer() {
        mailSender.setPort(greenMailPort);
    }

    @Test
    void answersArePostedQuicklyAndStoredWhileTheMailServerHangsOrIsDown() throws Exception {
        Member asker = member("Asker Smtp Down", 10);
        Member answerer = member("Answerer Smtp Down", 10);
        // Only the asker follows this thread, so theirs is the one mail that goes to the hanging server.
        var thread = questionOnlyTheAskerFollows(asker, "Does posting wait for the mail server?");

        try (BlackHole smtp = new BlackHole()) {
            mailSender.setPort(smtp.port());
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> postAnswer(answerer, thread.threadId(), "hangs"));
            assertThat(answerBodies(thread.threadId())).anyMatch(b -> b.contains("While the mail server hangs"));
            // The mail was on its way, and the send that got no answer was given up on while the server still hangs:
            // the mail thread is free again and the outbox tells the operator it failed.
            Awaitility.await().atMost(AFTER_COMMIT).until(() -> smtp.connections() > 0);
            Awaitility.await()
                    .atMost(AFTER_COMMIT)
                    .until(() -> outboxTo(asker.email()).stream()
                            .anyMatch(m -> m.status().equals("FAILED")));
        }

        // Now nothing listens on that port at all: connection refused.
        Member second = member("Second Smtp Down", 10);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> postAnswer(second, thread.threadId(), "refuses"));
        assertThat(answerBodies(thread.threadId())).anyMatch(b -> b.contains("While the mail server refuses"));
        Awaitility.await()
                .atMost(AFTER_COMMIT)
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
        var thread = questionOnlyTheAskerFollows(asker, "Does the answer email arrive afterwards?");

        postAnswer(answerer, thread.threadId(), "up");

        Awaitility.await()
                .atMost(AFTER_COMMIT)
                .until(() -> !mailsTo(asker.email()).isEmpty());
        assertThat(lastMailTo(asker.email()))
                .contains("Answerer Smtp Up answered \"Does the answer email arrive afterwards?\"")
                .contains("/community/threads/" + thread.threadId());
        assertThat(outboxTo(asker.email())).extracting(OutboxEntry::status).containsExactly("SENT");
    }

    /**
     * Asked in a topic of its own: a question in "general" mails the members of earlier test classes who follow it,
     * and with the listener running late those mails queued in front of the asker's (the cause of CI failures).
     */
    private Posting.PostResult questionOnlyTheAskerFollows(Member asker, String title) {
        return posting.ask(
                actor(asker), topicNobodyFollows("Mail tests"), title, "How do I do this?" + LONG_ENOUGH, "setup");
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
        return pages.thread(threadId, null, AnswerSort.OLDEST).orElseThrow().answers().stream()
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
