package com.answerloop.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every state-changing accounts endpoint refuses a request without a valid CSRF token, even from a caller who may
 * otherwise use it (an administrator), and nothing changes.
 */
class AccountsCsrfIT extends AccountsIntegrationTest {

    @Autowired
    AccountUserDetailsService users;

    long targetId;

    @BeforeEach
    void target() {
        targetId = accounts.findByEmail("csrf-target@example.com")
                .map(UserAccount::id)
                .orElseGet(() -> verifiedAccount("csrf-target@example.com", "Csrf Target", "target's long passphrase"));
    }

    @ParameterizedTest(name = "POST {0} without a CSRF token is refused")
    @ValueSource(
            strings = {
                "/login",
                "/logout",
                "/register",
                "/verify-email",
                "/verify-email/resend",
                "/password-reset",
                "/password-reset/confirm",
                "/account/profile",
                "/account/password",
                "/account/email",
                "/account/email/confirm",
                "/admin/users/{target}/roles",
                "/admin/users/{target}/suspend",
                "/admin/users/{target}/reinstate"
            })
    void refusesStateChangesWithoutAValidToken(String path) throws Exception {
        String resolved = path.replace("{target}", String.valueOf(targetId));
        assertThat(status(post(resolved))).as("no token").isEqualTo(403);
        assertThat(status(post(resolved).with(csrf().useInvalidToken())))
                .as("wrong token")
                .isEqualTo(403);
        // The same request with a valid token is not refused, so the 403 above is the CSRF check.
        assertThat(status(post(resolved).with(csrf()))).as("valid token").isNotEqualTo(403);
    }

    @Test
    void aForgedSuspensionChangesNothing() throws Exception {
        String suspend = "/admin/users/" + targetId + "/suspend";
        status(post(suspend).param("reason", "forged"));
        assertThat(accounts.findById(targetId).orElseThrow().suspended()).isFalse();
        // Control: the same request with a valid token suspends, so the check above fails if suspending breaks.
        try {
            status(post(suspend).param("reason", "control").with(csrf()));
            assertThat(accounts.findById(targetId).orElseThrow().suspended()).isTrue();
        } finally {
            status(post("/admin/users/" + targetId + "/reinstate")
                    .param("reason", "control over")
                    .with(csrf()));
        }
        assertThat(accounts.findById(targetId).orElseThrow().suspended()).isFalse();
    }

    @Test
    void aForgedRegistrationCreatesNoAccount() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/register")
                        .params(form(Map.of(
                                "email", "forged@example.com",
                                "displayName", "Forged",
                                "password", "forged long passphrase"))))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(accounts.findByEmail("forged@example.com")).isEmpty();
    }

    @Test
    void apiStateChangesRidingOnABrowserSessionNeedTheToken() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/v1/articles/some-article/feedback")
                        .cookie(new Cookie("JSESSIONID", "a-browser-session"))
                        .contentType("application/json")
                        .content("{\"helpful\":true}"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("CSRF");
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        // as an administrator, who may use every endpoint here
        return mvc.perform(request.accept("text/html").with(authentication(admin())))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private UsernamePasswordAuthenticationToken admin() {
        AccountUserDetails user = (AccountUserDetails) users.loadUserByUsername(ADMIN_EMAIL);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    private static org.springframework.util.MultiValueMap<String, String> form(Map<String, String> fields) {
        org.springframework.util.LinkedMultiValueMap<String, String> map =
                new org.springframework.util.LinkedMultiValueMap<>();
        fields.forEach(map::add);
        return map;
    }
}
