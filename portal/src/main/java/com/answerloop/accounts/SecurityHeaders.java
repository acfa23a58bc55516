package com.answerloop.accounts;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The browser-side protections every response carries (OWASP ASVS 14.4): a Content-Security-Policy that allows only
 * the portal's own script files (no inline script, no plugins, no framing by other sites, forms post only here), a
 * referrer policy that never sends a secret link's URL to another site, a permissions policy that turns off device
 * APIs, and a cross-origin opener policy. HSTS is Spring Security's default on HTTPS requests.
 */
final class SecurityHeaders {

    /**
     * No inline script or style anywhere: the pages load {@code /js/*.js} and {@code /css/*.css}; JSON-LD blocks are
     * data, not script. Images may come from other HTTPS servers (shipped articles link to them).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data: https:; object-src 'none'; base-uri 'self'; frame-ancestors 'self';"
            + " form-action 'self'";

    static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    /** Pages whose URL carries a token (case secret links, reset, verification and email-change links). */
    static final RequestMatcher SECRET_LINK_PAGES = new OrRequestMatcher(
            PathPatternRequestMatcher.pathPattern("/requests/access/**"),
            PathPatternRequestMatcher.pathPattern("/contact/sent/*"),
            PathPatternRequestMatcher.pathPattern("/password-reset/confirm"),
            PathPatternRequestMatcher.pathPattern("/verify-email"),
            PathPatternRequestMatcher.pathPattern("/account/email/confirm"),
            PathPatternRequestMatcher.pathPattern("/community/unsubscribe"));

    private SecurityHeaders() {}

    static Customizer<HeadersConfigurer<org.springframework.security.config.annotation.web.builders.HttpSecurity>>
            headers() {
        return headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        SECRET_LINK_PAGES, new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(SECRET_LINK_PAGES),
                        new ReferrerPolicyHeaderWriter(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .crossOriginOpenerPolicy(opener -> opener.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
                .frameOptions(frames -> frames.sameOrigin());
    }
}
