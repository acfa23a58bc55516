package com.answerloop.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What makes a password acceptable, following NIST SP 800-63B: a minimum length of 8, long passphrases allowed (up to
 * 128 characters, so at least 64 always fit), no composition rules, and no password from a list of commonly used ones
 * or one that is just the user's email or name.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;
    private static final String COMMON_PASSWORDS = "accounts/common-passwords.txt";

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** The reason the password is not acceptable, or empty when it is. */
    Optional<String> problemWith(String password, String email, String displayName) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("This password is one of the most commonly used ones; choose one that is harder to"
                    + " guess, for example a few unrelated words.");
        }
        if (password.codePoints().distinct().count() == 1) {
            return Optional.of("Do not repeat a single character; choose one that is harder to guess.");
        }
        if (email != null && !email.isBlank()) {
            String normalizedEmail = email.strip().toLowerCase(Locale.ROOT);
            String localPart = normalizedEmail.contains("@")
                    ? normalizedEmail.substring(0, normalizedEmail.indexOf('@'))
                    : normalizedEmail;
            if (lower.equals(normalizedEmail) || lower.equals(localPart)) {
                return Optional.of("Do not use your email address as your password.");
            }
        }
        if (displayName != null
                && !displayName.isBlank()
                && lower.equals(displayName.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("Do not use your display name as your password.");
        }
        return Optional.empty();
    }

    int commonPasswordCount() {
        return common.size();
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + COMMON_PASSWORDS);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    passwords.add(entry.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(passwords);
    }
}
