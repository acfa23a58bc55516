package com.answerloop.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The shipped rate limits (application.yml, answerloop.rate-limits) in force: mail-sending forms, registration,
 * re-authentication and anonymous API reading answer 429 with Retry-After once a client address or an account has
 * used its budget, and no further mail goes out.
 */
@TestPropertySource(properties = {"answerloop.rate-limits.enabled=true", "answerloop.test.data-subdir=rate-limits"})
class RateLimitsIT extends AccountsIntegrationTest {

    @Test
    void passwordResetsForOneAddressStopAfterThreeMailsWhateverTheClientAddress() throws Exception {
        verifiedAccount("victim@example.com", "Victim", "victim's long passphrase");
        MAIL.purgeEmailFromAllMailboxes();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(send(post("/password-reset").param("email", "victim@example.com"), "198.51.100." + i)
                    .getStatus());
        }
        assertThat(statuses.subList(0, 3)).containsOnly(200);
        assertThat(statuses.subList(3, 30)).containsOnly(429);
        assertThat(mailsTo("victim@example.com")).hasSize(3);
    }

    @Test
    void oneClientAddressCannotRegisterAccountsWithoutEnd() throws Exception {
        List<MockHttpServletResponse> responses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            responses.add(send(
                    post("/register")
                            .param("email", "bot" + i + "@example.com")
                            .param("displayName", "Bot " + i)
                            .param("password", "a long enough passphrase " + i),
                    "203.0.113.9"));
        }
        assertThat(responses.subList(0, 10)).allMatch(r -> r.getStatus() != 429);
        MockHttpServletResponse refused = responses.get(10);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isPositive();
        assertThat(refused.getContentAsString())
                .contains("Too many requests")
                .contains("You have sent too many requests in a short time");
        assertThat(mailsTo("bot11@example.com")).isEmpty();
    }

    @Test
    void formsThatCameBackWithErrorsOrOnlyFoundSuggestionsDoNotUseUpTheMailboxsBudget() throws Exception {
        // five tries at the password rules, then a good one: the account is created and its one mail sent
        for (int i = 0; i < 5; i++) {
            MockHttpServletResponse refused = send(
                    post("/register")
                            .param("email", "typo@example.com")
                            .param("displayName", "Typo Person")
                            .param("password", "short" + i),
                    "192.0.2.50");
            assertThat(refused.getStatus()).isEqualTo(200);
            assertThat(refused.getContentAsString()).contains("field-error");
        }
        MockHttpServletResponse registered = send(
                post("/register")
                        .param("email", "typo@example.com")
                        .param("displayName", "Typo Person")
                        .param("password", "at last a long passphrase"),
                "192.0.2.50");
        assertThat(registered.getRedirectedUrl()).isEqualTo("/register/check-email");
        assertThat(mailsTo("typo@example.com")).hasSize(1);

        // the contact form's "find answers" six times, then the request itself
        for (int i = 0; i < 6; i++) {
            assertThat(send(
                                    post("/contact")
                                            .param("action", "find")
                                            .param("subject", "printer offline " + i)
                                            .param("email", "seeker@example.com"),
                                    "192.0.2.51")
                            .getStatus())
                    .isEqualTo(200);
        }
        MockHttpServletResponse sent = send(
                post("/contact")
                        .param("subject", "The printer stays offline")
                        .param("description", "It still shows offline after a restart and a new cable.")
                        .param("name", "Seeker")
                        .param("email", "seeker@example.com"),
                "192.0.2.51");
        assertThat(sent.getStatus()).isEqualTo(302);
        assertThat(mailsTo("seeker@example.com")).hasSize(1);
    }

    @Test
    void aRefusedRequestIsToldHowLongToWaitInWordsAPersonReads() throws Exception {
        MockHttpServletResponse refused = null;
        for (int i = 0; i < 4; i++) {
            refused = send(post("/verify-email/resend").param("email", "impatient@example.com"), "192.0.2.52");
        }
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentAsString()).containsPattern("Please wait \\d+ minutes and try again");
    }

    @Test
    void verificationResendsAreLimitedPerAddressNamed() throws Exception {
        accounts.register("slow@example.com", "Slow", "slow's long passphrase");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(send(post("/verify-email/resend").param("email", "slow@example.com"), "198.51.100.20" + i)
                    .getStatus());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 429, 429, 429);
        assertThat(mailsTo("slow@example.com")).hasSize(4); // registration + three resends
    }

    @Test
    void contactSubmissionsToOneAddressAreLimitedAndTheConfirmationQuotesNothing() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(send(
                            post("/contact")
                                    .param("subject", "Win a prize " + i)
                                    .param("description", "Click https://phish.example/login to claim your prize")
                                    .param("name", "Your Bank")
                                    .param("email", "stranger@example.com"),
                            "198.51.100.30" + i)
                    .getStatus());
        }
        assertThat(statuses.subList(0, 5)).doesNotContain(429);
        assertThat(statuses.subList(5, 8)).containsOnly(429);
        assertThat(mailsTo("stranger@example.com")).hasSize(5);
        assertThat(lastMailTo("stranger@example.com"))
                .doesNotContain("phish.example")
                .doesNotContain("Your Bank")
                .contains("has been received");
        assertThat(subjectOfLastMailTo("stranger@example.com")).doesNotContain("Win a prize");
    }

    @Test
    void guessingTheCurrentPasswordOnTheSettingsPageIsLimited() {
        verifiedAccount("pat@example.com", "Pat", "pat's long passphrase");
        HttpSession browser = new HttpSession(port);
        browser.signIn("pat@example.com", "pat's long passphrase");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            browser.get("/account");
            statuses.add(browser.post(
                            "/account/password",
                            Map.of("currentPassword", "guess " + i, "newPassword", "a brand new passphrase"))
                    .status());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(302);
        assertThat(statuses.subList(5, 12)).containsOnly(429);
    }

    @Test
    void anonymousApiReadingGetsAProblemDetailWithRetryAfter() throws Exception {
        // 120 a minute, refilled evenly: a burst of 120 passes, then a client sees 429 within a few more requests.
        MockHttpServletResponse last = null;
        int allowed = 0;
        for (int i = 0; i < 200 && (last == null || last.getStatus() == 200); i++) {
            last = send(get("/api/v1/search").param("q", "password"), "192.0.2.200");
            if (last.getStatus() == 200) {
                allowed++;
            }
        }
        assertThat(allowed).isBetween(120, 150);
        assertThat(last.getStatus()).isEqualTo(429);
        assertThat(last.getContentType()).isEqualTo("application/problem+json");
        assertThat(last.getContentAsString()).contains("\"title\":\"Too many requests\"");
        assertThat(last.getHeader("Retry-After")).isNotBlank();
    }

    @Test
    void anonymousSearchPagesAndTypeaheadShareTheReadingLimit() throws Exception {
        // one budget per address for the search page, typeahead and the API together: a crawler cannot switch paths
        int allowed = 0;
        MockHttpServletResponse last = null;
        for (int i = 0; i < 200 && (last == null || last.getStatus() == 200); i++) {
            last = send(
                    i % 2 == 0
                            ? get("/search").param("q", "invoice")
                            : get("/api/v1/search/suggest").param("q", "inv"),
                    "192.0.2.201");
            if (last.getStatus() == 200) {
                allowed++;
            }
        }
        assertThat(allowed).isBetween(120, 150);
        assertThat(last.getStatus()).isEqualTo(429);
        assertThat(last.getHeader("Retry-After")).isNotBlank();
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String address) throws Exception {
        return mvc.perform(request.with(csrf()).with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                }))
                .andReturn()
                .getResponse();
    }
}
