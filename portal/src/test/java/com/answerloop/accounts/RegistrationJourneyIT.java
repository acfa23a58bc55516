package com.answerloop.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A visitor registers, confirms the email from the message that arrived over SMTP, signs in and out. */
class RegistrationJourneyIT extends AccountsIntegrationTest {

    @Test
    void visitorRegistersVerifiesEmailSignsInAndOut() {
        HttpSession browser = new HttpSession(port);
        assertThat(browser.get("/register").status()).isEqualTo(200);

        HttpSession.Response registered = browser.post(
                "/register",
                Map.of(
                        "email", "Ada@Example.com",
                        "displayName", "Ada Lovelace",
                        "password", "analytical engine notes"));
        assertThat(registered.status()).isEqualTo(302);
        assertThat(registered.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/register/check-email"));
        assertThat(browser.get("/register/check-email").body()).contains("Check your email");

        // Not verified yet: the correct password is refused with a clear message.
        HttpSession.Response early = browser.signIn("ada@example.com", "analytical engine notes");
        assertThat(early.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login?unverified"));
        assertThat(browser.get("/login?unverified").body()).contains("Please confirm your email address first");

        assertThat(subjectOfLastMailTo("ada@example.com")).isEqualTo("Confirm your email address for Answerloop");
        String link = pathOfLinkIn(lastMailTo("ada@example.com"));
        assertThat(link).startsWith("/verify-email?token=");

        // Opening the link changes nothing by itself; the button on the page does.
        HttpSession.Response confirmPage = browser.get(link);
        assertThat(confirmPage.body()).contains("Confirm my email address");
        assertThat(browser.signIn("ada@example.com", "analytical engine notes").location())
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?unverified"));

        browser.get(link);
        HttpSession.Response verified = browser.post("/verify-email", Map.of("token", tokenOf(link)));
        assertThat(verified.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login?verified"));

        // The link works once.
        browser.get(link);
        assertThat(browser.post("/verify-email", Map.of("token", tokenOf(link))).body())
                .contains("This confirmation link is invalid, was already used or has expired");

        // Sign in: the session id changes (session fixation protection), cookies are HttpOnly and SameSite=Lax.
        // Reading the login page leaves no session behind; a failed attempt does (it remembers the error).
        assertThat(browser.get("/login").setCookies()).noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
        browser.post("/login", Map.of("username", "ADA@example.com", "password", "not the passphrase"));
        browser.get("/login?error");
        String before = browser.sessionId();
        assertThat(before).isNotNull();
        HttpSession.Response signedIn =
                browser.post("/login", Map.of("username", "ADA@example.com", "password", "analytical engine notes"));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);
        assertThat(signedIn.setCookies())
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=")
                        .containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Lax"));

        HttpSession.Response accountPage = browser.get("/account");
        assertThat(accountPage.status()).isEqualTo(200);
        assertThat(accountPage.body()).contains("ada@example.com").contains("Ada Lovelace");

        long id = accounts.findByEmail("ada@example.com").orElseThrow().id();
        assertThat(accounts.findById(id).orElseThrow().roles()).containsExactly(Role.MEMBER);
        HttpSession.Response profile = browser.get("/users/" + id);
        assertThat(profile.body())
                .contains("Ada Lovelace")
                .contains("Reputation")
                .contains("None yet");

        // Sign out invalidates the session on the server: the old session id no longer signs anyone in.
        String signedInSession = browser.sessionId();
        browser.get("/account");
        HttpSession.Response signedOut = browser.post("/logout", Map.of());
        assertThat(signedOut.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        HttpSession replay = new HttpSession(port);
        replay.useSessionId(signedInSession);
        HttpSession.Response afterLogout = replay.get("/account");
        assertThat(afterLogout.status()).isEqualTo(302);
        assertThat(afterLogout.location()).hasValueSatisfying(l -> assertThat(l).contains("/login"));
    }

    @Test
    void registrationRefusesCommonAndShortPasswordsWithAClearMessage() {
        HttpSession browser = new HttpSession(port);
        browser.get("/register");
        HttpSession.Response common = browser.post(
                "/register", Map.of("email", "bob@example.com", "displayName", "Bob", "password", "Password123"));
        assertThat(common.status()).isEqualTo(200);
        assertThat(common.body()).contains("one of the most commonly used");

        HttpSession.Response shortOne = browser.post(
                "/register", Map.of("email", "bob@example.com", "displayName", "Bob", "password", "x7#kq"));
        assertThat(shortOne.body()).contains("Use at least 8 characters.");
        assertThat(accounts.findByEmail("bob@example.com")).isEmpty();
        assertThat(mailsTo("bob@example.com")).isEmpty();
    }

    @Test
    void registeringATakenAddressTellsItsOwnerAndRevealsNothingToTheVisitor() throws Exception {
        verifiedAccount("carol@example.com", "Carol", "a long and unusual passphrase");
        MAIL.purgeEmailFromAllMailboxes();

        HttpSession browser = new HttpSession(port);
        browser.get("/register");
        HttpSession.Response again = browser.post(
                "/register",
                Map.of("email", "carol@example.com", "displayName", "Mallory", "password", "another long passphrase"));
        assertThat(again.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/register/check-email"));
        assertThat(subjectOfLastMailTo("carol@example.com"))
                .isEqualTo("Someone tried to register with your email address");
        assertThat(accounts.findByEmail("carol@example.com").orElseThrow().displayName())
                .isEqualTo("Carol");
    }

    @Test
    void acceptsPassphrasesOfSixtyFourCharactersAndMore() {
        String passphrase = "the quick brown fox jumps over the lazy dog while singing loudly!!"; // 66 characters
        assertThat(passphrase.length()).isGreaterThanOrEqualTo(64);
        verifiedAccount("dave@example.com", "Dave", passphrase);

        HttpSession browser = new HttpSession(port);
        assertThat(browser.signIn("dave@example.com", passphrase).location())
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
        // Argon2 uses every character: a password differing only at the end is wrong.
        HttpSession other = new HttpSession(port);
        assertThat(other.signIn("dave@example.com", passphrase.substring(0, 65) + "?")
                        .location())
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }
}
