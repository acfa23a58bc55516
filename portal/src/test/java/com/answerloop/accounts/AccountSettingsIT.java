package com.answerloop.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A member edits the profile, changes the password and the email; the last two ask for the current password. */
class AccountSettingsIT extends AccountsIntegrationTest {

    @Test
    void profileChangesShowOnThePublicProfileEscaped() {
        long id = verifiedAccount("mia@example.com", "Mia", "mia's long passphrase");
        HttpSession browser = new HttpSession(port);
        browser.signIn("mia@example.com", "mia's long passphrase");
        browser.get("/account");
        browser.post(
                "/account/profile",
                Map.of("displayName", "Mia <script>alert(1)</script>", "about", "I answer billing questions."));
        String profile = browser.get("/users/" + id).body();
        assertThat(profile)
                .contains("Mia &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)</script>")
                .contains("I answer billing questions.");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndSignsOutOtherSessions() {
        verifiedAccount("noah@example.com", "Noah", "noah's long passphrase");
        HttpSession laptop = new HttpSession(port);
        laptop.signIn("noah@example.com", "noah's long passphrase");
        HttpSession phone = new HttpSession(port);
        phone.signIn("noah@example.com", "noah's long passphrase");

        laptop.get("/account");
        laptop.post(
                "/account/password",
                Map.of("currentPassword", "not my password", "newPassword", "noah's newer passphrase"));
        assertThat(laptop.get("/account").body()).contains("Your current password is not correct.");

        laptop.post(
                "/account/password",
                Map.of("currentPassword", "noah's long passphrase", "newPassword", "noah's newer passphrase"));
        assertThat(laptop.get("/account").body()).contains("Your password was changed.");
        assertThat(phone.get("/account").status()).isEqualTo(302);
        assertThat(subjectOfLastMailTo("noah@example.com")).isEqualTo("Your Answerloop password was changed");
        assertThat(new HttpSession(port)
                        .signIn("noah@example.com", "noah's newer passphrase")
                        .location())
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
    }

    @Test
    void changingTheEmailNeedsThePasswordAndAConfirmedLinkToTheNewAddress() {
        long id = verifiedAccount("olga@example.com", "Olga", "olga's long passphrase");
        HttpSession browser = new HttpSession(port);
        browser.signIn("olga@example.com", "olga's long passphrase");
        browser.get("/account");
        browser.post("/account/email", Map.of("newEmail", "olga@new.example", "currentPassword", "wrong one"));
        assertThat(browser.get("/account").body()).contains("Your current password is not correct.");
        assertThat(mailsTo("olga@new.example")).isEmpty();

        browser.post(
                "/account/email", Map.of("newEmail", "Olga@New.example", "currentPassword", "olga's long passphrase"));
        assertThat(accounts.findById(id).orElseThrow().email()).isEqualTo("olga@example.com");
        String link = pathOfLinkIn(lastMailTo("olga@new.example"));
        assertThat(link).startsWith("/account/email/confirm?token=");

        browser.get(link);
        HttpSession.Response confirmed = browser.post("/account/email/confirm", Map.of("token", tokenOf(link)));
        assertThat(confirmed.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login?emailChanged"));
        assertThat(accounts.findById(id).orElseThrow().email()).isEqualTo("olga@new.example");
        assertThat(subjectOfLastMailTo("olga@example.com")).isEqualTo("Your Answerloop email address was changed");

        assertThat(new HttpSession(port)
                        .signIn("olga@new.example", "olga's long passphrase")
                        .location())
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
        assertThat(new HttpSession(port)
                        .signIn("olga@example.com", "olga's long passphrase")
                        .location())
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }
}
