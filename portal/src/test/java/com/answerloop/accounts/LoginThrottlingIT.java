package com.answerloop.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletResponse;

/** Repeated wrong passwords pause sign-in for the account with a clear message, even for the right password. */
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottlingIT extends AccountsIntegrationTest {

    @Test
    void fiveWrongPasswordsPauseSignInForTheAccountWithAClearMessage(CapturedOutput log) throws Exception {
        verifiedAccount("judy@example.com", "Judy", "judy's long passphrase");
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("judy@example.com", "wrong guess " + i, "192.0.2." + i)
                            .getRedirectedUrl())
                    .isEqualTo("/login?error");
        }
        MockHttpServletResponse blocked = signIn("judy@example.com", "judy's long passphrase", "192.0.2.77");
        assertThat(blocked.getRedirectedUrl()).isEqualTo("/login?throttled=15");
        assertThat(mvc.perform(get("/login").param("throttled", "15"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Too many failed sign-in attempts")
                .contains("try again in 15 minute(s)");

        // Another account is not affected.
        verifiedAccount("kim@example.com", "Kim", "kim's long passphrase");
        assertThat(signIn("kim@example.com", "kim's long passphrase", "192.0.2.77")
                        .getRedirectedUrl())
                .isEqualTo("/");

        // The security log names the account, the address and the kind of failure, never a password.
        assertThat(log.getOut())
                .contains("Sign-in failed: judy@example.com from 192.0.2.0: BadCredentialsException")
                .contains("Sign-in locked for account judy@example.com")
                .contains("Sign-in attempt refused while throttled: account judy@example.com from 192.0.2.77")
                .contains("Sign-in succeeded: kim@example.com")
                .doesNotContain("wrong guess")
                .doesNotContain("judy's long passphrase")
                .doesNotContain("kim's long passphrase");

        // After the pause the right password works again.
        clock.advance(Duration.ofMinutes(16));
        assertThat(signIn("judy@example.com", "judy's long passphrase", "192.0.2.78")
                        .getRedirectedUrl())
                .isEqualTo("/");
    }

    @Test
    void aPercentEncodedLoginPathIsThrottledLikeTheRealOne() {
        verifiedAccount("lena@example.com", "Lena", "lena's long passphrase");
        HttpSession browser = new HttpSession(port);
        for (int i = 0; i < 5; i++) {
            assertThat(signInAt(browser, "/login", "lena@example.com", "wrong " + i))
                    .isEqualTo("/login?error");
        }
        // The right password, sent to other spellings of the sign-in URL, is refused while throttled.
        for (String path : new String[] {"/logi%6e", "/%6cogin", "/login"}) {
            assertThat(signInAt(browser, path, "lena@example.com", "lena's long passphrase"))
                    .as(path)
                    .startsWith("/login?throttled=");
        }
        assertThat(browser.get("/account").status()).isEqualTo(302);
    }

    @Test
    void wrongPasswordsThroughAnEncodedPathAreCounted() {
        verifiedAccount("mona@example.com", "Mona", "mona's long passphrase");
        HttpSession browser = new HttpSession(port);
        java.util.List<String> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            outcomes.add(signInAt(browser, "/logi%6e", "mona@example.com", "wrong " + i));
        }
        assertThat(outcomes.subList(0, 5)).containsOnly("/login?error");
        assertThat(outcomes.subList(5, 8)).allMatch(location -> location.startsWith("/login?throttled="));
        assertThat(signInAt(browser, "/login", "mona@example.com", "mona's long passphrase"))
                .startsWith("/login?throttled=");
    }

    @Test
    void theLockoutMessageShowsOnlyANumber() throws Exception {
        String page = mvc.perform(get("/login").param("throttled", "5 minutes. Call +1 555 0100 to unlock"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("try again in a few minutes").doesNotContain("555 0100");
    }

    /** Fetches the sign-in form, then posts it to the given path; returns where the portal redirects. */
    private static String signInAt(HttpSession browser, String path, String email, String password) {
        browser.get("/login");
        return browser.post(path, java.util.Map.of("username", email, "password", password))
                .location()
                .orElseThrow()
                .replaceFirst("^https?://[^/]+", "");
    }

    private MockHttpServletResponse signIn(String email, String password, String address) throws Exception {
        return mvc.perform(post("/login")
                        .param("username", email)
                        .param("password", password)
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        }))
                .andReturn()
                .getResponse();
    }
}
