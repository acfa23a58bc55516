package com.answerloop.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every accounts and administration endpoint, for an anonymous visitor, a member and an administrator: who gets through,
 * who is sent to sign in, who is refused. State-changing requests carry a valid CSRF token here (CSRF has its own
 * test).
 */
class AccountsAccessControlIT extends AccountsIntegrationTest {

    /** What a caller experiences. */
    enum Outcome {
        /** served (2xx), or redirected somewhere other than the sign-in page */
        ALLOWED,
        /** redirected to the sign-in page */
        SIGN_IN,
        /** 403 */
        DENIED,
        /** 401 problem detail (API) */
        UNAUTHORIZED,
        /** 404: let through, and no such page or object (a table row naming a wrong path would otherwise pass) */
        NOT_FOUND,
    }

    enum Caller {
        ANONYMOUS,
        MEMBER,
        ADMIN
    }

    private static final String MEMBER = "member@access.test";
    private static final String TARGET = "target@access.test";

    @Autowired
    AccountUserDetailsService users;

    long memberId;
    long targetId;

    @BeforeEach
    void accounts() {
        memberId = accounts.findByEmail(MEMBER)
                .map(UserAccount::id)
                .orElseGet(() -> verifiedAccount(MEMBER, "Member", "member's long passphrase"));
        targetId = accounts.findByEmail(TARGET)
                .map(UserAccount::id)
                .orElseGet(() -> verifiedAccount(TARGET, "Target", "target's long passphrase"));
    }

    static Stream<Arguments> endpoints() {
        Outcome A = Outcome.ALLOWED,
                S = Outcome.SIGN_IN,
                D = Outcome.DENIED,
                U = Outcome.UNAUTHORIZED,
                N = Outcome.NOT_FOUND;
        return Stream.of(
                // method, path ({member} and {target} are account ids), anonymous, member, admin
                row("GET", "/login", A, A, A),
                row("GET", "/register", A, A, A),
                row("GET", "/register/check-email", A, A, A),
                row("GET", "/verify-email?token=unknown", A, A, A),
                row("GET", "/password-reset", A, A, A),
                row("GET", "/password-reset/confirm?token=unknown", A, A, A),
                row("GET", "/users/{member}", A, A, A),
                row("GET", "/account/email/confirm?token=unknown", A, A, A),
                row("GET", "/account", S, A, A),
                row("GET", "/admin", S, D, A),
                row("GET", "/admin/users", S, D, A),
                row("GET", "/admin/users?q=target", S, D, A),
                row("GET", "/admin/users/{target}", S, D, A),
                row("GET", "/admin/outbox", S, D, A),
                row("GET", "/admin/insights", S, D, A),
                row("GET", "/admin/insights/content-gaps?days=7", S, D, A),
                row("GET", "/admin/insights/search/failed.csv", S, D, A),
                row("GET", "/api/v1/insights/overview", U, D, A),
                row("GET", "/agent", S, D, A),
                row("GET", "/editor", S, D, A),
                // staff get past the guard to a thread that does not exist
                row("GET", "/capture/threads/1", S, D, N),
                row("GET", "/moderation/community", S, D, A),
                row("GET", "/actuator/health", A, A, A),
                // not exposed over HTTP at all
                row("GET", "/actuator/env", S, D, N),
                row("POST", "/register", A, A, A),
                row("POST", "/verify-email", A, A, A),
                row("POST", "/verify-email/resend", A, A, A),
                row("POST", "/password-reset", A, A, A),
                row("POST", "/password-reset/confirm", A, A, A),
                row("POST", "/account/email/confirm", A, A, A),
                row("POST", "/account/profile", S, A, A),
                row("POST", "/account/password", S, A, A),
                row("POST", "/account/email", S, A, A),
                row("POST", "/admin/users/{target}/roles", S, D, A),
                row("POST", "/admin/users/{target}/suspend", S, D, A),
                row("POST", "/admin/users/{target}/reinstate", S, D, A),
                row("POST", "/capture/threads/1", S, D, N),
                row("POST", "/editor/articles/no-such-article/verify", S, D, N),
                row("POST", "/editor/articles/no-such-article/review-terms", S, D, N),
                row("POST", "/logout", A, A, A),
                // the API answers with problem details instead of redirects
                row("POST", "/api/v1/threads", U, A, A));
    }

    private static Arguments row(String method, String path, Outcome anonymous, Outcome member, Outcome admin) {
        return Arguments.of(method, path, anonymous, member, admin);
    }

    @ParameterizedTest(name = "{0} {1}: anonymous {2}, member {3}, admin {4}")
    @MethodSource("endpoints")
    void accessMatchesTheTable(String method, String path, Outcome anonymous, Outcome member, Outcome admin)
            throws Exception {
        assertThat(call(method, path, Caller.ANONYMOUS)).as("anonymous").isEqualTo(anonymous);
        assertThat(call(method, path, Caller.MEMBER)).as("member").isEqualTo(member);
        assertThat(call(method, path, Caller.ADMIN)).as("admin").isEqualTo(admin);
    }

    @Test
    void apiRefusalsAreProblemDetails() throws Exception {
        MockHttpServletResponse anonymous =
                mvc.perform(post("/api/v1/threads")).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(401);
        assertThat(anonymous.getContentType()).startsWith("application/problem+json");
        assertThat(anonymous.getContentAsString()).contains("\"status\":401").contains("Sign in");
    }

    private Outcome call(String method, String path, Caller caller) throws Exception {
        String resolved =
                path.replace("{member}", String.valueOf(memberId)).replace("{target}", String.valueOf(targetId));
        MockHttpServletRequestBuilder request =
                "GET".equals(method) ? get(resolved) : post(resolved).with(csrf());
        request.accept("text/html");
        if (resolved.startsWith("/api/")) {
            request.accept("application/json");
        }
        switch (caller) {
            case MEMBER -> request.with(authentication(signedIn(MEMBER)));
            case ADMIN -> request.with(authentication(signedIn(ADMIN_EMAIL)));
            case ANONYMOUS -> {}
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        int status = response.getStatus();
        if (status == 401) {
            return Outcome.UNAUTHORIZED;
        }
        if (status == 403) {
            return Outcome.DENIED;
        }
        if (status == 404) {
            return Outcome.NOT_FOUND;
        }
        if (status == 302
                && response.getRedirectedUrl() != null
                && response.getRedirectedUrl().matches("(https?://[^/]+)?/login")) {
            return Outcome.SIGN_IN;
        }
        if (status >= 500) {
            throw new AssertionError(method + " " + resolved + " as " + caller + " failed with " + status);
        }
        return Outcome.ALLOWED;
    }

    private UsernamePasswordAuthenticationToken signedIn(String email) {
        AccountUserDetails user = (AccountUserDetails) users.loadUserByUsername(email);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }
}
