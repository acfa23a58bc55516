package com.answerloop.accounts;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach which URL, how people sign in and out, and how sessions and passwords are protected.
 *
 * <p>Reading pages is public; changing anything needs a signed-in user unless listed as anonymous-allowed below.
 * Areas: {@code /admin/**} admin, {@code /agent/**} agent, {@code /editor/**} editor, {@code /capture/**} agent or
 * editor, {@code /moderation/**} moderator; the admin role includes the others. Every state change needs a CSRF token (forms carry it, the API takes
 * it in the {@code X-CSRF-TOKEN} header; never in the query string); API calls that carry no cookies at all cannot
 * ride on a browser session and are exempt, and so is the one-click unsubscribe, which the member's token proves. Refused API calls get a problem detail, pages a redirect to sign in.
 */
@Configuration
class SecurityConfiguration {

    private static final RequestMatcher API = PathPatternRequestMatcher.pathPattern("/api/**");

    private static final RequestMatcher ONE_CLICK_UNSUBSCRIBE =
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/community/unsubscribe");

    /** The header API clients and page scripts send the CSRF token in (Spring's cookie default is X-XSRF-TOKEN). */
    static final String CSRF_HEADER = "X-CSRF-TOKEN";

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            SessionRegistry sessionRegistry,
            MetricsAccess metricsAccess,
            @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies)
            throws Exception {
        ApiProblems apiProblems = new ApiProblems();
        // The throttled provider bean below becomes the global authentication manager; adding it here as well
        // would check a wrong password twice (local manager, then the same provider as its parent).
        http.authorizeHttpRequests(requests -> requests
                        // administration areas (insights: editors too, analytics module)
                        .requestMatchers("/admin/insights/**", "/api/v1/insights/**")
                        .hasRole("EDITOR")
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/agent/**")
                        .hasRole("AGENT")
                        // promoting accepted community answers to article drafts (capture module)
                        .requestMatchers("/capture/**")
                        .hasAnyRole("AGENT", "EDITOR")
                        .requestMatchers("/editor/**")
                        .hasRole("EDITOR")
                        .requestMatchers("/moderation/**")
                        .hasRole("MODERATOR")
                        // load balancers need only the status; metrics and versions are for the operator
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .access(metricsAccess.scrapeAccess())
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        // the emailed confirmation link for a new address works without a session (the token proves it)
                        .requestMatchers("/account/email/confirm")
                        .permitAll()
                        // the signed-in user's own settings
                        .requestMatchers("/account", "/account/**")
                        .authenticated()
                        // anonymous state changes: signing up and recovering access, article feedback
                        .requestMatchers(
                                HttpMethod.POST,
                                "/register",
                                "/verify-email",
                                "/verify-email/resend",
                                "/password-reset",
                                "/password-reset/confirm",
                                "/articles/*/feedback",
                                "/api/v1/articles/*/feedback",
                                // cases: the contact form, deflections, and the secret link (the token proves it)
                                "/contact",
                                "/contact/answered",
                                "/requests/access/*/replies",
                                "/requests/access/*/effort",
                                "/requests/access/*/revoke",
                                // the member's unsubscribe token proves it; mail clients post it (RFC 8058)
                                "/community/unsubscribe")
                        .permitAll()
                        // reading is public: help center, search, articles, profiles, the read API, assets
                        .requestMatchers(HttpMethod.GET, "/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        // any other change needs a signed-in user
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(failureHandler())
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .invalidateHttpSession(true)
                        .clearAuthentication(true)
                        // Tomcat's session cookie on one node, Spring Session's under the cluster profile
                        .deleteCookies("JSESSIONID", "SESSION")
                        .logoutSuccessUrl("/login?logout"))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId())
                        .maximumSessions(-1)
                        .sessionRegistry(sessionRegistry)
                        .expiredUrl("/login?expired"))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens(secureCookies))
                        .csrfTokenRequestHandler(new HeaderOrBodyCsrfTokenHandler())
                        // a one-click unsubscribe (RFC 8058) comes from the mail provider without a page or token
                        .ignoringRequestMatchers(ONE_CLICK_UNSUBSCRIBE)
                        .ignoringRequestMatchers(request -> API.matches(request)
                                && request.getRequestedSessionId() == null
                                && request.getCookies() == null))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(apiProblems, API)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), request -> !API.matches(request))
                        .defaultAccessDeniedHandlerFor(apiProblems, API))
                .headers(SecurityHeaders.headers());
        return http.build();
    }

    /**
     * The CSRF token lives in an HttpOnly cookie instead of the session: every page carries a token (the layout's
     * meta tag and forms), and keeping it in the session would make each anonymous page view, and each crawler
     * request, hold a server-side session for hours.
     */
    private static CookieCsrfTokenRepository csrfTokens(boolean secure) {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        // the documented header (docs/accounts.md); the page's _csrf_header meta tag names it for scripts
        tokens.setHeaderName(CSRF_HEADER);
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").secure(secure));
        return tokens;
    }

    /**
     * Tells the user why sign-in failed; status (unverified, suspended) only shows after a correct password, and a
     * throttled attempt says for how many minutes (a number the server computed, never request text).
     */
    private static AuthenticationFailureHandler failureHandler() {
        ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setDefaultFailureUrl("/login?error");
        handler.setExceptionMappings(Map.of(
                DisabledException.class.getName(), "/login?unverified",
                LockedException.class.getName(), "/login?suspended",
                // the accounts could not be read at all (the database is down): not the user's mistake
                InternalAuthenticationServiceException.class.getName(), "/login?unavailable"));
        return (request, response, exception) -> {
            if (exception instanceof ThrottledAuthenticationProvider.SignInThrottledException throttled) {
                response.sendRedirect(request.getContextPath() + "/login?throttled=" + throttled.minutes());
            } else {
                handler.onAuthenticationFailure(request, response, exception);
            }
        };
    }

    /** Passwords checked by a DAO provider behind the sign-in throttle; the only provider, whatever the login URL. */
    @Bean
    ThrottledAuthenticationProvider authenticationProvider(
            AccountUserDetailsService userDetailsService, PasswordEncoder passwordEncoder, LoginThrottle throttle) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(userDetailsService);
        provider.setPasswordEncoder(passwordEncoder);
        // Check suspension and verification only after the password, so they reveal nothing to a guesser.
        UserDetailsChecker none = user -> {};
        provider.setPreAuthenticationChecks(none);
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return new ThrottledAuthenticationProvider(provider, throttle);
    }

    /** Argon2id for new hashes; bcrypt hashes ({@code {bcrypt}...}) still verify. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(
                "argon2",
                Map.of(
                        "argon2",
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
    }

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(Role.hierarchy());
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Lets the session registry forget sessions that time out or are invalidated. */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    @Bean
    LoginThrottle loginThrottle(AccountSettings settings, com.answerloop.shared.ratelimit.BucketStore buckets) {
        return new LoginThrottle(settings.throttle(), buckets);
    }
}
