package com.answerloop.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Community emails carry RFC 8058 one-click unsubscribe headers, and the link works for someone who is not signed in:
 * a mail provider posts {@code List-Unsubscribe=One-Click} to it with no session and no CSRF token.
 */
class OneClickUnsubscribeIT extends CommunityTestSupport {

    @Test
    void aMailProviderUnsubscribesTheMemberWithOnePostAndNoSession() throws Exception {
        awaitBackgroundWorkDone();
        Member asker = member("Asker One Click", 10);
        Member answerer = member("Answerer One Click", 10);
        var thread = question(asker, "Can I stop these emails with one click?");
        answer(answerer, thread.threadId(), "Yes, from the mail client's own button.");

        MimeMessage mail = Awaitility.await()
                .atMost(AFTER_COMMIT)
                .until(() -> mailsTo(asker.email()), mails -> !mails.isEmpty())
                .getLast();
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String header = mail.getHeader("List-Unsubscribe", null);
        assertThat(header).matches("<https?://[^>]+/community/unsubscribe\\?token=[0-9a-f]+>");
        URI link = URI.create(header.substring(1, header.length() - 1));

        MockHttpServletResponse response = mvc.perform(post(link.getPath() + "?" + link.getRawQuery())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("You will no longer get community emails");

        int before = mailsTo(asker.email()).size();
        int answererMails = mailsTo(answerer.email()).size();
        answer(member("Third One Click", 10), thread.threadId(), "A later answer nobody unsubscribed from.");
        // the answerer still follows and is emailed; once that mail is in, the asker's would be too
        Awaitility.await()
                .atMost(AFTER_COMMIT)
                .until(() -> mailsTo(answerer.email()).size() > answererMails);
        assertThat(mailsTo(asker.email())).hasSize(before);
    }
}
