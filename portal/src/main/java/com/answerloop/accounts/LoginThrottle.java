package com.answerloop.accounts;

import com.answerloop.shared.ratelimit.BucketStore;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed sign-ins per account (email address) and per client IP address and blocks further attempts for a
 * while once too many failed within the window. Blocking happens before the password is checked, so a blocked
 * attacker learns nothing from further guesses.
 *
 * <p>Both counters are token buckets in the {@link BucketStore}, so on several nodes (cluster profile, shared store)
 * every node counts every attempt: a failure bucket per account and address (its capacity is the allowed failures,
 * refilled over the window) and a block bucket of one token, taken when the failures run out and back after the
 * block's duration.
 */
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final AccountSettings.Throttle settings;
    private final BucketStore buckets;

    LoginThrottle(AccountSettings.Throttle settings, BucketStore buckets) {
        this.settings = settings;
        this.buckets = buckets;
    }

    /** How long sign-in attempts for this email or from this address stay blocked, or empty when they may proceed. */
    Optional<Duration> blockedFor(String email, String address) {
        Duration account = remainingBlock(accountKey(email));
        Duration client = address == null ? Duration.ZERO : remainingBlock(addressKey(address));
        Duration longest = account.compareTo(client) >= 0 ? account : client;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Records a failed sign-in; may start a block. */
    void recordFailure(String email, String address) {
        if (fail(accountKey(email), settings.maxFailuresPerAccount())) {
            log.warn(
                    "Sign-in locked for account {} for {} after {} failed attempts",
                    key(email),
                    settings.blockDuration(),
                    settings.maxFailuresPerAccount());
        }
        if (address != null && fail(addressKey(address), settings.maxFailuresPerAddress())) {
            log.warn(
                    "Sign-in locked for client address {} for {} after {} failed attempts",
                    address,
                    settings.blockDuration(),
                    settings.maxFailuresPerAddress());
        }
    }

    /** A successful sign-in clears the account's failures (not the address's: one right guess should not reset it). */
    void recordSuccess(String email) {
        failures(accountKey(email), settings.maxFailuresPerAccount()).reset();
    }

    /** Takes one failure; when that was the last one allowed, starts a block and counts afresh after it. */
    private boolean fail(String key, int max) {
        Bucket failures = failures(key, max);
        ConsumptionProbe probe = failures.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed() && probe.getRemainingTokens() > 0) {
            return false;
        }
        failures.reset();
        block(key).tryConsume(1);
        return true;
    }

    private Duration remainingBlock(String key) {
        long nanos = block(key).estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Duration.ofNanos(nanos);
    }

    private Bucket failures(String key, int max) {
        return buckets.bucket(
                "login-failures|" + key,
                () -> BucketConfiguration.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(max)
                                .refillGreedy(max, settings.window())
                                .build())
                        .build());
    }

    private Bucket block(String key) {
        return buckets.bucket(
                "login-block|" + key,
                () -> BucketConfiguration.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(1)
                                .refillGreedy(1, settings.blockDuration())
                                .build())
                        .build());
    }

    private static String accountKey(String email) {
        return "account|" + key(email);
    }

    private static String addressKey(String address) {
        return "address|" + address;
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
