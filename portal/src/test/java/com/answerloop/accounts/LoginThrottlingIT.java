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
