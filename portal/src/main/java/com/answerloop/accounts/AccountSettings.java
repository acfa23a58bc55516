package com.answerloop.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account and sign-in settings.
 *
 * @param adminEmail the first administrator's sign-in address, created on first start when there is no admin
 * @param adminPassword the first administrator's password; when blank one is generated and logged once
 * @param verificationLinkValidity how long an email verification (or email change) link works
 * @param resetLinkValidity how long a password reset link works
 * @param throttle when failed sign-ins block further attempts
 * @param reauthenticateAfterIdle after this long without a request, the next sensitive action (administration, profile
 *     changes) asks for the password again (ASVS 3.3.2)
 */
@ConfigurationProperties("answerloop.accounts")
record AccountSettings(
        @DefaultValue("admin@example.com") String adminEmail,
        String adminPassword,
        @DefaultValue("24h") Duration verificationLinkValidity,
        @DefaultValue("1h") Duration resetLinkValidity,
        @DefaultValue Throttle throttle,
        @DefaultValue("30m") Duration reauthenticateAfterIdle) {

    /**
     * Failed sign-ins allowed in a window before the account (or the client address) is blocked for a while.
     *
     * @param maxFailuresPerAccount failures for one email address within the window that block that address
     * @param maxFailuresPerAddress failures from one IP address within the window that block that address
     * @param window how far back failures count
     * @param blockDuration how long a block lasts
     */
    record Throttle(
            @DefaultValue("5") int maxFailuresPerAccount,
            @DefaultValue("50") int maxFailuresPerAddress,
            @DefaultValue("15m") Duration window,
            @DefaultValue("15m") Duration blockDuration) {}
}
