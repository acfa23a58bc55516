package com.answerloop.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.answerloop.shared.mail.Mailer;
import com.answerloop.shared.mail.OutboxEntry;
import com.answerloop.support.Content;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Without a mail server the portal still works: mail lands in the outbox and the log, where whoever runs the portal
 * finds the verification link a newcomer needs. The outbox page, which every admin can read, masks it.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:outbox-${random.uuid};DB_CLOSE_DELAY=-1;MODE=MySQL;"
                    + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
            "answerloop.accounts.admin-email=root@outbox.test",
            "answerloop.accounts.admin-password=",
        })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class OutboxIT {

    // Not a JUnit @TempDir: the cached Spring context outlives the class and keeps writing its search index here, so
    // deleting the folder when the class ends failed now and then.
    static final Path dataDir = Content.temporaryDirectory("answerloop-outbox");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("answerloop.data-dir", () -> dataDir.toString());
        registry.add("answerloop.content-dir", () -> dataDir.resolve("content").toString());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Mailer mailer;

    @Autowired
    AccountManagement accounts;

    @Autowired
    AccountUserDetailsService users;

    @Test
    void withoutAMailServerMailIsKeptAndLoggedButTheOutboxPageMasksItsSecretLink(CapturedOutput output)
            throws Exception {
        assertThat(mailer.deliversMail()).isFalse();
        // The first administrator got a generated password, shown once in the log.
        assertThat(accounts.findByEmail("root@outbox.test"))
                .hasValueSatisfying(a -> assertThat(a.hasRole(Role.ADMIN)).isTrue());

        String checkEmail = mvc.perform(post("/register")
                        .with(csrf())
                        .param("email", "newcomer@example.com")
                        .param("displayName", "Newcomer")
                        .param("password", "newcomer's long passphrase"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(checkEmail).isEqualTo("/register/check-email");
        assertThat(mvc.perform(get(checkEmail)).andReturn().getResponse().getContentAsString())
                .contains("finds the message in the portal");

        OutboxEntry mail = mailer.recent(1).getFirst();
        assertThat(mail.to()).isEqualTo("newcomer@example.com");
        assertThat(mail.status()).isEqualTo("NOT_SENT");
        assertThat(output.getOut()).contains("kept in the outbox").contains("newcomer@example.com");

        Matcher logged =
                Pattern.compile("/verify-email\\?token=([A-Za-z0-9_-]+)").matcher(output.getOut());
        assertThat(logged.find()).as("the log has the whole link").isTrue();
        String token = logged.group(1);

        String page = mvc.perform(get("/admin/outbox").with(authentication(admin())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("No mail server is configured").contains("Confirm your email address for Answerloop");
        assertThat(page)
                .as("an admin sees that a link was sent, not the token that would verify the newcomer's address")
                .contains("/verify-email?token=" + token.substring(0, 4) + "…")
                .doesNotContain(token)
                .as("a date a person reads, not an ISO timestamp")
                .doesNotContainPattern(">\\d{4}-\\d{2}-\\d{2}T\\d");

        assertThat(mvc.perform(post("/verify-email").with(csrf()).param("token", token))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?verified");
    }

    private UsernamePasswordAuthenticationToken admin() {
        AccountUserDetails user = (AccountUserDetails) users.loadUserByUsername("root@outbox.test");
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }
}
