package com.answerloop.shared.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every request rate limit of the portal (configured under {@code answerloop.rate-limits} in application.yml). A
 * request counts against every rule whose method and path match it; a rule limits each client address and each
 * account separately.
 *
 * @param enabled whether limits are enforced at all
 * @param rules the limits by name (the name appears in the log when a limit is hit)
 */
@ConfigurationProperties("answerloop.rate-limits")
public record RateLimitSettings(@DefaultValue("true") boolean enabled, Map<String, Rule> rules) {

    public RateLimitSettings {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }

    /**
     * One limited kind of request.
     *
     * @param paths path patterns ({@code /register}, {@code /community/**}), matched on the decoded path
     * @param methods HTTP methods the rule applies to
     * @param perAddress how many requests one client IP address may make
     * @param perAccount how many requests one account may make: the signed-in user, or for anonymous forms the
     *     address named in {@code accountParameter} (the mailbox a reset link goes to)
     * @param accountParameter form field that names the account for anonymous requests, e.g. {@code email}
     * @param anonymousOnly when true, signed-in users are not limited by this rule (public reading)
     */
    public record Rule(
            List<String> paths,
            @DefaultValue("POST") Set<String> methods,
            Limit perAddress,
            Limit perAccount,
            String accountParameter,
            @DefaultValue("false") boolean anonymousOnly) {

        public Rule {
            paths = paths == null ? List.of() : List.copyOf(paths);
            methods = methods == null ? Set.of("POST") : Set.copyOf(methods);
        }
    }

    /**
     * A budget of requests that refills evenly over the period.
     *
     * @param requests how many requests the period allows (also the burst allowed at once)
     * @param per the period
     */
    public record Limit(int requests, Duration per) {}
}
