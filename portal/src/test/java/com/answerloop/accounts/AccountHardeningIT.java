package com.answerloop.accounts;

import static com.answerloop.support.FormMarkup.control;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.answerloop.shared.mail.Mailer;
import com.answerloop.shared.mail.OutboxEntry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 14's smaller account and platform findings, each as an attacker or operator would meet it: a CSRF token in
 * the URL, public metrics, live links in the mail table, look-alike display names.
 */
class AccountHardeningIT extends AccountsIntegrationTest {

    private static final String OUTSIDER = "203.0.113.9";

    @Autowired
    AccountUserDetailsService users;

    @Autowired
    Mailer mailer;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCsrfTokenInTheQueryStringIsRefusedButTheSameTokenInTheFormBodyWorks() {
        HttpSession browser = new HttpSession(port);
        browser.get("/login");
        String token = browser.csrfToken();
        assertThat(browser.postRaw("/logout?_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8), Map.of())
                        .status())
                .as("token in the URL")
                .isEqualTo(403);
        assertThat(browser.postRaw("/logout", Map.of("_csrf", token)).status())
                .as("token in the body")
                .isEqualTo(302);
    }

    @Test
    void metricsAndVersionsAreForTheOperatorWhileHealthStaysPublic() throws Exception {
        assertThat(status(get("/actuator/prometheus"), OUTSIDER)).isNotEqualTo(200);
        assertThat(status(get("/actuator/info"), OUTSIDER)).isNotEqualTo(200);
        assertThat(status(get("/actuator/health"), OUTSIDER)).isEqualTo(200);

        assertThat(status(get("/actuator/prometheus").with(authentication(admin())), OUTSIDER))
                .isEqualTo(200);
        assertThat(status(get("/actuator/info").with(authentication(admin())), OUTSIDER))
                .isEqualTo(200);
        // a Prometheus server on the configured scrape network (loopback by default) needs no account
        assertThat(status(get("/actuator/prometheus"), "127.0.0.1")).isEqualTo(200);
    }

    @Test
    void withAMailServerTheOutboxKeepsTheDeliveryButNotTheLink() {
        verifiedAccount("quentin@example.com", "Quentin", "a quiet harbour at dawn");
        accounts.requestPasswordReset("quentin@example.com");
        String link = linkIn(lastMailTo("quentin@example.com"));
        assertThat(link).contains("/password-reset/confirm?token=");

        OutboxEntry recorded = mailer.recent(10).stream()
                .filter(m ->
                        m.to().equals("quentin@example.com") && m.subject().equals("Reset your Answerloop password"))
                .findFirst()
                .orElseThrow();
        assertThat(recorded.status()).isEqualTo("SENT");
        assertThat(jdbc.queryForList("select body from mail_outbox", String.class))
                .as("no stored mail holds a live token")
                .noneMatch(body -> body.contains("token="));
    }

    @Test
    void displayNamesThatLookLikeAnotherMembersOrTheStaffsAreRefused() throws Exception {
        verifiedAccount("ophelia@example.com", "Ophelia Marsh", "ophelia's quiet harbour");

        // the same letters in another case and spacing, a zero for an O, a capital I for an l
        for (String lookAlike : new String[] {"OPHELIA  MARSH", "0phelia Marsh", "OpheIia Marsh"}) {
            assertThat(register("lookalike@example.com", lookAlike))
                    .contains("Someone already uses this display name or one that looks the same");
        }
        assertThat(register("lookalike@example.com", "Оphelia Marsh"))
                .as("a Cyrillic О among Latin letters")
                .contains("Use letters from one writing system");
        assertThat(register("lookalike@example.com", "Adrnin")).contains("This display name is reserved");
        assertThat(register("lookalike@example.com", "Moderator")).contains("This display name is reserved");
        assertThat(accounts.findByEmail("lookalike@example.com")).isEmpty();

        long other = verifiedAccount("otto@example.com", "Otto Brandt", "otto's quiet harbour");
        MockHttpServletResponse renamed = mvc.perform(post("/account/profile")
                        .param("displayName", "ophelia marsh")
                        .param("about", "")
                        .with(csrf())
                        .with(authentication(signedIn("otto@example.com"))))
                .andReturn()
                .getResponse();
        assertThat(renamed.getContentAsString())
                .contains("Someone already uses this display name or one that looks the same");
        assertThat(accounts.findById(other).orElseThrow().displayName()).isEqualTo("Otto Brandt");

        // a name of one script is fine, and a member may keep (or re-case) their own name
        assertThat(register("maria@example.com", "Мария Иванова")).doesNotContain("writing system");
        assertThat(accounts.findByEmail("maria@example.com")).isPresent();
        mvc.perform(post("/account/profile")
                        .param("displayName", "OTTO BRANDT")
                        .param("about", "")
                        .with(csrf())
                        .with(authentication(signedIn("otto@example.com"))))
                .andReturn();
        assertThat(accounts.findById(other).orElseThrow().displayName()).isEqualTo("OTTO BRANDT");
    }

    @Test
    void everyRefusedFieldOfTheRegistrationFormIsExplainedInOneAnswer() throws Exception {
        String page = mvc.perform(post("/register")
                        .param("email", "not-an-address")
                        .param("displayName", "Adrnin")
                        .param("password", "password")
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();

        // before, the password and the name were checked only once the address was right: three tries for three fixes
        assertThat(page)
                .contains("id=\"email-error\"")
                .contains("id=\"displayName-error\"")
                .contains("id=\"password-error\"")
                .contains("This display name is reserved");
    }

    @Test
    void eachFieldsControlNamesItsMessageAndItsHelpForScreenReaders() throws Exception {
        String blank = mvc.perform(get("/register")).andReturn().getResponse().getContentAsString();
        assertThat(control(blank, "password"))
                .contains("aria-invalid=\"false\"")
                .contains("aria-describedby=\"password-help\"");
        assertThat(control(blank, "email")).doesNotContain("aria-describedby");

        String refused = mvc.perform(post("/register")
                        .param("email", "not-an-address")
                        .param("displayName", "Ada")
                        .param("password", "password")
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(control(refused, "password"))
                .contains("aria-invalid=\"true\"")
                .contains("aria-describedby=\"password-error password-help\"");
        assertThat(control(refused, "email")).contains("aria-describedby=\"email-error\"");
        assertThat(refused).contains("<p id=\"password-help\" class=\"field-help\">At least ");
    }

    private String register(String email, String displayName) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/register")
                        .param("email", email)
                        .param("displayName", displayName)
                        .param("password", "a harbour far from home")
                        .with(csrf()))
                .andReturn()
                .getResponse();
        return response.getRedirectedUrl() != null ? response.getRedirectedUrl() : response.getContentAsString();
    }

    private int status(MockHttpServletRequestBuilder request, String remoteAddress) throws Exception {
        return mvc.perform(request.with(r -> {
                    r.setRemoteAddr(remoteAddress);
                    return r;
                }))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private UsernamePasswordAuthenticationToken admin() {
        return signedIn(ADMIN_EMAIL);
    }

    private UsernamePasswordAuthenticationToken signedIn(String email) {
        AccountUserDetails user = (AccountUserDetails) users.loadUserByUsername(email);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }
}
