package com.answerloop.shared.ratelimit;

import com.answerloop.shared.ratelimit.RateLimitSettings.Limit;
import com.answerloop.shared.ratelimit.RateLimitSettings.Rule;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Decides whether one more request is allowed: finds the rules that match it and takes a token from the bucket of
 * its client address and of its account under each. The only place that applies a rate limit.
 */
public class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    private static final String NOTHING_SENT = RateLimits.class.getName() + ".nothingSent";

    /**
     * What a request was allowed: refused (with the wait) or let through, and the account buckets it took a token
     * from.
     */
    record Admission(Duration retryAfter, List<Map.Entry<String, Limit>> accountBuckets) {

        boolean refused() {
            return !retryAfter.isZero();
        }
    }

    private final boolean enabled;
    private final List<CompiledRule> rules;
    private final BucketStore buckets;

    RateLimits(RateLimitSettings settings, BucketStore buckets) {
        this.enabled = settings.enabled();
        this.buckets = buckets;
        this.rules = settings.rules().entrySet().stream()
                .map(entry -> CompiledRule.of(entry.getKey(), entry.getValue()))
                .toList();
    }

    /** The longest period of any limit: buckets idle for longer are full again and need not be kept. */
    static Duration longestPeriod(RateLimitSettings settings) {
        return settings.rules().values().stream()
                .flatMap(rule -> java.util.stream.Stream.of(rule.perAddress(), rule.perAccount()))
                .filter(java.util.Objects::nonNull)
                .map(Limit::per)
                .max(Duration::compareTo)
                .orElse(Duration.ofHours(1));
    }

    /**
     * Says that this request's form came back with errors, or only asked for suggestions, and sent no mail: the tokens
     * it took from its account's buckets are given back, so a person who mistypes a password or looks for an answer
     * first is not locked out of their own mailbox. The client address's tokens still count, bounding a bot.
     */
    public static void nothingSent(HttpServletRequest request) {
        request.setAttribute(NOTHING_SENT, Boolean.TRUE);
    }

    static boolean sentNothing(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(NOTHING_SENT));
    }

    /** Gives back the tokens the request took from its account's buckets (see {@link #nothingSent}). */
    void giveBackAccountTokens(Admission admission) {
        for (Map.Entry<String, Limit> bucket : admission.accountBuckets()) {
            buckets.bucket(bucket.getKey(), () -> configuration(bucket.getValue()))
                    .addTokens(1);
        }
    }

    /**
     * Takes one token for the request from every matching bucket.
     *
     * @param method the HTTP method
     * @param path the path within the application (percent-encoded or not: patterns match the decoded segments)
     * @param address the client's IP address
     * @param signedInAccount the signed-in user's name, or null for an anonymous request
     * @param parameters reads a request parameter (the account named by an anonymous form)
     * @return how long to wait when a limit is exhausted (zero when the request may proceed), and the account
     *     buckets it took a token from
     */
    Admission tryAcquire(
            String method,
            String path,
            String address,
            String signedInAccount,
            java.util.function.Function<String, String> parameters) {
        if (!enabled) {
            return new Admission(Duration.ZERO, List.of());
        }
        PathContainer container = PathContainer.parsePath(path);
        Duration wait = Duration.ZERO;
        List<Map.Entry<String, Limit>> accountBuckets = new ArrayList<>();
        for (CompiledRule rule : rules) {
            if (!rule.matches(method, container) || (rule.rule.anonymousOnly() && signedInAccount != null)) {
                continue;
            }
            for (Map.Entry<String, Limit> bucket : rule.bucketsFor(address, signedInAccount, parameters)) {
                ConsumptionProbe probe = buckets.bucket(bucket.getKey(), () -> configuration(bucket.getValue()))
                        .tryConsumeAndReturnRemaining(1);
                if (probe.isConsumed() && bucket.getKey().startsWith(rule.name + ACCOUNT)) {
                    accountBuckets.add(bucket);
                }
                if (!probe.isConsumed()) {
                    Duration refill = Duration.ofNanos(probe.getNanosToWaitForRefill());
                    wait = refill.compareTo(wait) > 0 ? refill : wait;
                    log.warn("Rate limit {} reached: {} {} ({})", rule.name, method, path, bucket.getKey());
                }
            }
        }
        return new Admission(wait, accountBuckets);
    }

    private static final String ACCOUNT = "|account|";

    private static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.requests())
                        .refillGreedy(limit.requests(), limit.per())
                        .build())
                .build();
    }

    private record CompiledRule(String name, Rule rule, List<PathPattern> patterns) {

        static CompiledRule of(String name, Rule rule) {
            PathPatternParser parser = PathPatternParser.defaultInstance;
            return new CompiledRule(
                    name, rule, rule.paths().stream().map(parser::parse).toList());
        }

        boolean matches(String method, PathContainer path) {
            return rule.methods().contains(method) && patterns.stream().anyMatch(pattern -> pattern.matches(path));
        }

        List<Map.Entry<String, Limit>> bucketsFor(
                String address, String signedInAccount, java.util.function.Function<String, String> parameters) {
            List<Map.Entry<String, Limit>> keys = new ArrayList<>(2);
            if (rule.perAddress() != null && address != null) {
                keys.add(Map.entry(name + "|ip|" + address, rule.perAddress()));
            }
            String account = signedInAccount;
            if (account == null && rule.accountParameter() != null) {
                account = parameters.apply(rule.accountParameter());
            }
            if (rule.perAccount() != null && account != null && !account.isBlank()) {
                keys.add(Map.entry(name + ACCOUNT + account.strip().toLowerCase(Locale.ROOT), rule.perAccount()));
            }
            return keys;
        }
    }
}
