package com.answerloop.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed sign-ins per account (email address) and per client IP address and blocks further attempts for a
 * while once too many failed within the window. Blocking happens before the password is checked, so a blocked
 * attacker learns nothing from further guesses. The counters live in memory: on several nodes each node throttles on
 * its own, which still bounds guessing.
 */
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final AccountSettings.Throttle settings;
    private final Clock clock;
    private final Map<String, Attempts> accounts = new ConcurrentHashMap<>();
    private final Map<String, Attempts> addresses = new ConcurrentHashMap<>();

    LoginThrottle(AccountSettings.Throttle settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long sign-in attempts for this email or from this address stay blocked, or empty when they may proceed. */
    Optional<Duration> blockedFor(String email, String address) {
        Instant now = clock.instant();
        Duration account = remaining(accounts.get(key(email)), now);
        Duration client = remaining(addresses.get(address), now);
        Duration longest = account.compareTo(client) >= 0 ? account : client;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Records a failed sign-in; may start a block. */
    void recordFailure(String email, String address) {
        Instant now = clock.instant();
        if (accounts.computeIfAbsent(key(email), k -> new Attempts())
                .fail(now, settings.maxFailuresPerAccount(), settings.window(), settings.blockDuration())) {
            log.warn(
                    "Sign-in locked for account {} for {} after {} failed attempts",
                    key(email),
                    settings.blockDuration(),
                    settings.maxFailuresPerAccount());
        }
        if (address != null
                && addresses
                        .computeIfAbsent(address, k -> new Attempts())
                        .fail(now, settings.maxFailuresPerAddress(), settings.window(), settings.blockDuration())) {
            log.warn(
                    "Sign-in locked for client address {} for {} after {} failed attempts",
                    address,
                    settings.blockDuration(),
                    settings.maxFailuresPerAddress());
        }
    }

    /** A successful sign-in clears the account's failures (not the address's: one right guess should not reset it). */
    void recordSuccess(String email) {
        accounts.remove(key(email));
    }

    /** Drops counters that no longer matter, so memory stays bounded. */
    void purge() {
        Instant now = clock.instant();
        accounts.values().removeIf(attempts -> attempts.idle(now, settings.window()));
        addresses.values().removeIf(attempts -> attempts.idle(now, settings.window()));
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static Duration remaining(Attempts attempts, Instant now) {
        return attempts == null ? Duration.ZERO : attempts.blockedFor(now);
    }

    /** Failure times within the window and the end of the current block, if any. */
    private static final class Attempts {

        private final Deque<Instant> failures = new ArrayDeque<>();
        private Instant blockedUntil = Instant.MIN;

        synchronized boolean fail(Instant now, int max, Duration window, Duration block) {
            failures.addLast(now);
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(now.minus(window))) {
                failures.removeFirst();
            }
            if (failures.size() >= max) {
                failures.clear();
                blockedUntil = now.plus(block);
                return true;
            }
            return false;
        }

        synchronized Duration blockedFor(Instant now) {
            return now.isBefore(blockedUntil) ? Duration.between(now, blockedUntil) : Duration.ZERO;
        }

        synchronized boolean idle(Instant now, Duration window) {
            boolean recentFailure = !failures.isEmpty() && failures.peekLast().isAfter(now.minus(window));
            return !recentFailure && !now.isBefore(blockedUntil);
        }
    }
}
