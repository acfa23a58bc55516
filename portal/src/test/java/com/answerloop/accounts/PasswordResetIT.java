package com.answerloop.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Password reset by an emailed link that works once and expires. */
class PasswordResetIT extends AccountsIntegrationTest {

    @Test
    void resetLinkSetsANewPasswordOnceAndEndsOtherSessions() {
        verifiedAccount("erin@example.com", "Erin", "original secret phrase");
        HttpSession elsewhere = new HttpSession(port);
        elsewhere.signIn("erin@example.com", "original secret phrase");
        assertThat(elsewhere.get("/account").status()).isEqualTo(200);

        HttpSession browser = new HttpSession(port);
        browser.get("/password-reset");
        HttpSession.Response requested = browser.post("/password-reset", Map.of("email", "ERIN@example.com"));
        assertThat(requested.body()).contains("If an account uses that address, we sent it a link");
        assertThat(subjectOfLastMailTo("erin@example.com")).isEqualTo("Reset your Answerloop password");
        String link = pathOfLinkIn(lastMailTo("erin@example.com"));
        assertThat(link).startsWith("/password-reset/confirm?token=");

        assertThat(browser.get(link).body()).contains("Choose a new password");
        HttpSession.Response weak =
                browser.post("/password-reset/confirm", Map.of("token", tokenOf(link), "password", "qwerty123"));
        assertThat(weak.body()).contains("one of the most commonly used");

        HttpSession.Response reset = browser.post(
                "/password-reset/confirm", Map.of("token", tokenOf(link), "password", "brand new secret phrase"));
        assertThat(reset.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login?reset"));

        // Used once: the same link no longer works.
        assertThat(browser.get(link).body()).contains("This password reset link is invalid");
        browser.get("/password-reset");
        assertThat(browser.post(
                                "/password-reset/confirm",
                                Map.of("token", tokenOf(link), "password", "yet another phrase 9"))
                        .body())
                .contains("This password reset link is invalid");

        // The session that was signed in before the reset is over.
        HttpSession.Response stale = elsewhere.get("/account");
        assertThat(stale.status()).isEqualTo(302);
        assertThat(stale.location()).hasValueSatisfying(l -> assertThat(l).contains("/login"));

        assertThat(new HttpSession(port)
                        .signIn("erin@example.com", "original secret phrase")
                        .location())
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(new HttpSession(port)
                        .signIn("erin@example.com", "brand new secret phrase")
                        .location())
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
    }

    @Test
    void resetLinkExpiresAfterAnHour() {
        verifiedAccount("frank@example.com", "Frank", "frank's own passphrase");
        accounts.requestPasswordReset("frank@example.com");
        String link = pathOfLinkIn(lastMailTo("frank@example.com"));
        assertThat(lastMailTo("frank@example.com")).contains("expires in 1 hour");

        clock.advance(Duration.ofMinutes(61));
        HttpSession browser = new HttpSession(port);
        assertThat(browser.get(link).body()).contains("This password reset link is invalid");
        browser.get("/password-reset");
        browser.post("/password-reset/confirm", Map.of("token", tokenOf(link), "password", "a fresh passphrase"));
        assertThat(new HttpSession(port)
                        .signIn("frank@example.com", "frank's own passphrase")
                        .location())
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
    }

    @Test
    void aNewerLinkDoesNotReviveAnOlderOneAfterReset() {
        verifiedAccount("gina@example.com", "Gina", "gina's own passphrase");
        accounts.requestPasswordReset("gina@example.com");
        String first = tokenOf(pathOfLinkIn(lastMailTo("gina@example.com")));
        accounts.requestPasswordReset("gina@example.com");
        String second = tokenOf(pathOfLinkIn(lastMailTo("gina@example.com")));
        assertThat(first).isNotEqualTo(second);

        accounts.resetPassword(second, "gina's newer passphrase");
        assertThat(accounts.resetTokenUsable(first)).isFalse();
    }

    @Test
    void unknownAddressGetsTheSameAnswerAndNoMail() {
        HttpSession browser = new HttpSession(port);
        browser.get("/password-reset");
        assertThat(browser.post("/password-reset", Map.of("email", "nobody@example.com"))
                        .body())
                .contains("If an account uses that address, we sent it a link");
        assertThat(mailsTo("nobody@example.com")).isEmpty();
    }
}
