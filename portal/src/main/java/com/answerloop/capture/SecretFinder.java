package com.answerloop.capture;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets part of {@link PiiScrubber}: credentials with a known shape (provider key prefixes, JSON Web Tokens,
 * private keys, webhook URLs), and opaque values that the text itself calls a key, token, secret or password.
 */
final class SecretFinder {

    private static final List<Pattern> SECRETS = List.of(
            Pattern.compile("\\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,}\\b"),
            Pattern.compile("\\bwhsec_[A-Za-z0-9]{16,}\\b"),
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{30,}\\b"),
            Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{30,}\\b"),
            Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}\\b"),
            Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),
            Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"),
            Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}\\b"),
            Pattern.compile("\\bnpm_[A-Za-z0-9]{36,}\\b"),
            // OpenAI and Anthropic keys (sk-..., sk-proj-..., sk-ant-api03-...), Mailgun, Shopify, Hugging Face,
            // DigitalOcean, Postman, Square
            Pattern.compile("\\bsk-(?:proj-|svcacct-|admin-|ant-[a-z]+\\d{2}-)?[A-Za-z0-9_-]{20,}"),
            Pattern.compile("\\bkey-[0-9a-z]{32}\\b"),
            Pattern.compile("\\bshp(?:at|ss|ca|pa)_[A-Fa-f0-9]{32}\\b"),
            Pattern.compile("\\bhf_[A-Za-z0-9]{30,}\\b"),
            Pattern.compile("\\bdo[por]_v1_[a-f0-9]{64}\\b"),
            Pattern.compile("\\bPMAK-[A-Fa-f0-9]{24}-[A-Fa-f0-9]{34}\\b"),
            Pattern.compile("\\bsq0(?:atp|csp)-[A-Za-z0-9_-]{22,}"),
            // incoming webhook URLs carry their secret in the path
            Pattern.compile("(?<=hooks\\.slack\\.com/services/)T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]{16,}"),
            Pattern.compile("(?<=discord(?:app)?\\.com/api/webhooks/)\\d+/[A-Za-z0-9_-]{30,}"),
            Pattern.compile("\\bSG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}\\b"),
            // JSON Web Tokens: three base64url parts, the first two starting with {"
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"));

    /** A long opaque value right after a word saying it is a key, token, secret or password. */
    private static final Pattern LABELLED_SECRET = Pattern.compile(
            "(?i)\\b(?:api[ _-]?key|access[ _-]?key|secret(?:[ _-]?key)?|client[ _-]?secret|token|access[ _-]?token"
                    + "|auth(?:orization)?|bearer|password|passwd|pwd|passphrase)\\b"
                    + "(?:\\s*(?:is|was|=|:|\\(|\")\\s*|\\s+)(?:bearer\\s+)?[\"'`]?"
                    + "(?<value>[A-Za-z0-9_\\-+/=.!@#$%^&*~]{8,512}+)");

    /**
     * A configuration assignment whose name ends in key, token, secret or password ({@code aws_secret_access_key =},
     * {@code DD_API_KEY=}, {@code AccountKey=}): the value is a secret when it is long and opaque.
     */
    private static final Pattern ASSIGNED_SECRET = Pattern.compile(
            "(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9_.-]{0,63}?(?i:key|token|secret|password|passwd|pwd)[\"']?\\s*+[=:]\\s*+[\"']?"
                    + "(?<value>[A-Za-z0-9_\\-+/=.]{16,512}+)");

    /** Long hexadecimal or base64 strings; secrets only when labelled (checksums and commit ids are not). */
    private static final Pattern OPAQUE = Pattern.compile("[A-Za-z0-9_\\-+/=.]+");

    /** "password ... X": a token with three kinds of characters shortly after the word is the password. */
    private static final Pattern PASSWORD_WORD = Pattern.compile("(?i)\\bpass(?:word|phrase|wd)s?\\b");

    private static final Pattern TOKEN = Pattern.compile("[^\\s\"'`,;()]{8,64}");

    private SecretFinder() {}

    static void find(String text, List<Detection> out) {
        for (Pattern pattern : SECRETS) {
            PiiScrubber.find(pattern, text, PiiKind.SECRET, out);
        }
        Matcher labelled = LABELLED_SECRET.matcher(ScanBudget.timed(text));
        while (labelled.find()) {
            String value = labelled.group("value");
            // trailing punctuation ends a sentence, it is not part of the secret
            int end = labelled.end("value");
            while (end > labelled.start("value") && ".,;:)".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            value = text.substring(labelled.start("value"), end);
            if (looksSecret(value)) {
                out.add(new Detection(PiiKind.SECRET, labelled.start("value"), end, value));
            }
        }
        Matcher assigned = ASSIGNED_SECRET.matcher(ScanBudget.timed(text));
        while (assigned.find()) {
            String value = assigned.group("value").replaceAll("[.]+$", "");
            if (value.length() >= 16 && hasDigit(value) && hasLetter(value)) {
                out.add(new Detection(
                        PiiKind.SECRET, assigned.start("value"), assigned.start("value") + value.length(), value));
            }
        }
        Matcher word = PASSWORD_WORD.matcher(ScanBudget.timed(text));
        while (word.find()) {
            int windowEnd = Math.min(text.length(), word.end() + 60);
            Matcher token = TOKEN.matcher(ScanBudget.timed(text)).region(word.end(), windowEnd);
            while (token.find()) {
                String value = token.group().replaceAll("[.,;:?]+$", "");
                if (value.length() >= 8 && characterClasses(value) >= 3) {
                    out.add(new Detection(PiiKind.SECRET, token.start(), token.start() + value.length(), value));
                }
            }
        }
    }

    private static int characterClasses(String value) {
        boolean upper = value.chars().anyMatch(Character::isUpperCase);
        boolean lower = value.chars().anyMatch(Character::isLowerCase);
        boolean digit = hasDigit(value);
        boolean symbol = value.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    /** Opaque enough to be a credential: long, and mixing letters with digits or symbols, not a plain word. */
    private static boolean looksSecret(String value) {
        if (value.length() < 8 || !OPAQUE.matcher(value).matches() && value.length() < 12) {
            return value.length() >= 8 && hasDigit(value) && hasLetter(value);
        }
        boolean digit = hasDigit(value);
        boolean letter = hasLetter(value);
        boolean symbol = value.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
        return (digit && letter) || (letter && symbol && value.length() >= 10) || (digit && value.length() >= 16);
    }

    private static boolean hasDigit(String s) {
        return s.chars().anyMatch(Character::isDigit);
    }

    private static boolean hasLetter(String s) {
        return s.chars().anyMatch(Character::isLetter);
    }
}
