package com.answerloop.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What makes a password acceptable, following NIST SP 800-63B 5.1.1.2: a minimum length of 8, long passphrases allowed
 * (up to 128 characters, so at least 64 always fit), no composition rules, and no password that is in a list of
 * breached or commonly used ones, or that is built on context words: the site's name, the user's email name or
 * display name.
 *
 * <p>The lists ship in {@code accounts/}: {@code breached-passwords.txt} (from zxcvbn-ts, MIT, refreshed by
 * {@code scripts/update-breached-passwords.sh}) and {@code common-passwords.txt} (the project's own patterns).
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;
    private static final List<String> LISTS =
            List.of("accounts/breached-passwords.txt", "accounts/common-passwords.txt");
    /** Words that name this site; a password containing one is among the first an attacker tries here. */
    private static final List<String> SITE_WORDS = List.of("answerloop");
    /** Shorter email names (like "al") occur inside too many good passphrases to refuse them. */
    private static final int MIN_CONTEXT_WORD = 4;

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
        String compact = compact(password);
        if (common.contains(lower) || common.contains(compact)) {
            return Optional.of("This password is one of the most commonly used ones; choose one that is harder to"
                    + " guess, for example a few unrelated words.");
        }
        if (password.codePoints().distinct().count() == 1) {
            return Optional.of("Do not repeat a single character; choose one that is harder to guess.");
        }
        if (SITE_WORDS.stream().anyMatch(compact::contains)) {
            return Optional.of("Do not use the name of this site in your password.");
        }
        if (email != null && !email.isBlank()) {
            String normalizedEmail = email.strip().toLowerCase(Locale.ROOT);
            String localPart = normalizedEmail.contains("@")
                    ? normalizedEmail.substring(0, normalizedEmail.indexOf('@'))
                    : normalizedEmail;
            String emailName = compact(localPart);
            if (lower.equals(normalizedEmail) || lower.equals(localPart) || builtOn(compact, emailName)) {
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

    /**
     * Whether the password is the word with a few characters around it ("jane.doe2026", "Jane!1234"): what is left
     * without the word would itself be too short to be a password, so the word carries the guess.
     */
    private static boolean builtOn(String compactPassword, String word) {
        return word.length() >= MIN_CONTEXT_WORD
                && compactPassword.contains(word)
                && compactPassword.replace(word, "").length() < MIN_LENGTH;
    }

    /** Lowercase letters and digits only, so "Answer-Loop 1" and "answerloop1" compare alike. */
    private static String compact(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>();
        for (String list : LISTS) {
            read(list, passwords);
        }
        return Set.copyOf(passwords);
    }

    private static void read(String resource, Set<String> passwords) {
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
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
    }
}
