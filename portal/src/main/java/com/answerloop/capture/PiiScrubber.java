package com.answerloop.capture;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data and secrets in support text: email addresses, phone numbers, payment cards (Luhn-checked), IBANs
 * (mod-97-checked), IPv4 and IPv6 addresses, API keys and tokens, the customer's name, and order or account numbers
 * matching configured patterns.
 *
 * <p>Patterns find candidates; checksums and shape rules (Luhn, mod 97, octet ranges, digit counts, date and version
 * shapes) reject look-alikes. When detections overlap, the more specific kind wins, in the order of {@link PiiKind}.
 */
public class PiiScrubber {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,63})@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
                    + "[A-Za-z]{2,24}(?![\\w-])");

    /** "name dot surname at example dot com", "jo(at)example.org": addresses spelled out to beat form filters. */
    private static final Pattern SPELLED_EMAIL = Pattern.compile(
            "(?i)(?<![\\w.])[a-z0-9][a-z0-9._%+-]*(?:(?:\\s+dot\\s+|\\s*[\\[(]dot[\\])]\\s*)[a-z0-9_%+-]+)*"
                    + "(?:\\s+at\\s+|\\s*[\\[(]at[\\])]\\s*)"
                    + "[a-z0-9-]+(?:(?:\\s+dot\\s+|\\s*[\\[(]dot[\\])]\\s*|\\.)[a-z0-9-]+)*"
                    + "(?:\\s+dot\\s+|\\s*[\\[(]dot[\\])]\\s*|\\.)[a-z]{2,24}(?![\\w-])(?!\\s+at\\s)");

    /** Order, invoice or customer numbers named as such ("my order #100238857"), whatever their format. */
    private static final Pattern LABELLED_ACCOUNT = Pattern.compile(
            "(?i)\\b(?:order|invoice|customer|contract|booking|subscription)\\s*(?:no\\.?|number|nr\\.?|#|id)?"
                    + "\\s*[:#]?\\s*#?(?<value>(?=[A-Z0-9-]*\\d{5})[A-Z0-9][A-Z0-9-]{4,19})(?![\\w-])");

    private static final Set<String> FUNCTION_WORDS = Set.of(
            "the", "a", "an", "to", "of", "in", "on", "me", "us", "you", "it", "this", "that", "then", "and", "or",
            "is", "my", "your", "our");

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
                    + "(?<value>[A-Za-z0-9_\\-+/=.!@#$%^&*~]{8,})");

    /**
     * A configuration assignment whose name ends in key, token, secret or password ({@code aws_secret_access_key =},
     * {@code DD_API_KEY=}, {@code AccountKey=}): the value is a secret when it is long and opaque.
     */
    private static final Pattern ASSIGNED_SECRET = Pattern.compile(
            "(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9_.-]*?(?i:key|token|secret|password|passwd|pwd)[\"']?\\s*[=:]\\s*[\"']?"
                    + "(?<value>[A-Za-z0-9_\\-+/=.]{16,})");

    /** Long hexadecimal or base64 strings; secrets only when labelled (checksums and commit ids are not). */
    private static final Pattern OPAQUE = Pattern.compile("[A-Za-z0-9_\\-+/=.]+");

    private static final Pattern CARD = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])");

    private static final Pattern IBAN =
            Pattern.compile("(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]{1,4}){3,8}(?![A-Za-z0-9])");

    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\w.])(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}"
                    + "(?:/\\d{1,2})?(?![\\w.]*\\w)");

    private static final Pattern IPV6 = Pattern.compile(
            "(?<![\\w:.])(?:[0-9A-Fa-f]{1,4}|:)?(?::[0-9A-Fa-f]{0,4}){2,7}(?:(?<=:)(?:\\d{1,3}\\.){3}\\d{1,3})?"
                    + "(?:/\\d{1,3})?(?![\\w:])");

    private static final Pattern VERSION_BEFORE = Pattern.compile("(?i)(?:\\bv|version|release|build|firmware)\\s*$");

    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+/.-])(?:(?:\\+|00)\\d{1,3}[ .-]?)?(?:\\(\\d{1,5}\\)[ .-]?)?\\d{1,5}(?:(?:[ .-]|\\s?/\\s?)?\\d{1,5}){1,6}"
                    + "(?:\\s?(?:x|ext\\.?)\\s?\\d{1,5})?(?![\\w-]|[.,]\\d)");

    private static final Pattern PHONE_CONTEXT = Pattern.compile(
            "(?i)(?:phone|tel|telephone|mobile|cell|call|ring|reach|whatsapp|signal|fax|sms|text me|number is|"
                    + "hotline|contact)[^\\n]{0,24}$");

    /** Labels of identifiers that look like phone numbers but are not (references, purchase orders, ISBNs...). */
    private static final Pattern IDENTIFIER_BEFORE = Pattern.compile(
            "(?i)\\b(?:ref(?:erence)?|ticket|case|order|invoice|PO|ISBN|serial|tag|id|sku|batch|lot|tracking|build|"
                    + "version|release)(?:\\s*(?:no\\.?|number|#|nr\\.?))?(?:\\s*(?:is|was|:))?\\s*#?$");

    /** A block of letters and digits just before (an IBAN or card printed in groups continues, not a phone). */
    private static final Pattern BLOCK_BEFORE = Pattern.compile("(?:^|\\s)[A-Z0-9]{2,4}\\s$");

    /** "password ... X": a token with three kinds of characters shortly after the word is the password. */
    private static final Pattern PASSWORD_WORD = Pattern.compile("(?i)\\bpass(?:word|phrase|wd)s?\\b");

    private static final Pattern TOKEN = Pattern.compile("[^\\s\"'`,;()]{8,64}");

    private static final Pattern FULL_DATE =
            Pattern.compile("\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}|\\d{1,2}[-./]\\d{1,2}[-./]\\d{4}");

    private static final Pattern DATE_LIKE =
            Pattern.compile("\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}|\\d{1,2}[-./]\\d{1,2}[-./]\\d{2,4}|\\d{1,2}:\\d{2}");

    private final List<Pattern> accountPatterns;

    /**
     * @param accountPatterns order, account or contract number patterns (the whole match is masked)
     */
    public PiiScrubber(Collection<Pattern> accountPatterns) {
        this.accountPatterns = List.copyOf(accountPatterns);
    }

    /** Everything found in {@code text}, in text order, without overlaps. */
    public List<Detection> detect(String text, Collection<String> personNames) {
        List<Detection> all = new ArrayList<>();
        secrets(text, all);
        find(EMAIL, text, PiiKind.EMAIL, all);
        spelledEmails(text, all);
        ibans(text, all);
        cards(text, all);
        ips(text, all);
        phones(text, all);
        for (Pattern pattern : accountPatterns) {
            find(pattern, text, PiiKind.ACCOUNT, all);
        }
        Matcher labelledAccount = LABELLED_ACCOUNT.matcher(text);
        while (labelledAccount.find()) {
            all.add(new Detection(
                    PiiKind.ACCOUNT,
                    labelledAccount.start("value"),
                    labelledAccount.end("value"),
                    labelledAccount.group("value")));
        }
        names(text, personNames, all);
        return resolve(all);
    }

    /** The text with every detection replaced by its placeholder, except those whose text is in {@code keep}. */
    public static String apply(String text, List<Detection> detections, Set<String> keep) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Detection d : detections) {
            out.append(text, at, d.start());
            out.append(keep.contains(d.text()) ? d.text() : d.kind().placeholder());
            at = d.end();
        }
        return out.append(text.substring(at)).toString();
    }

    private static List<Detection> resolve(List<Detection> all) {
        List<Detection> accepted = new ArrayList<>();
        all.stream()
                .sorted(Comparator.comparing(Detection::kind)
                        .thenComparing(Comparator.comparingInt((Detection d) -> d.end() - d.start())
                                .reversed()))
                .forEach(candidate -> {
                    if (accepted.stream().noneMatch(candidate::overlaps)) {
                        accepted.add(candidate);
                    }
                });
        accepted.sort(Comparator.comparingInt(Detection::start));
        return accepted;
    }

    private static void find(Pattern pattern, String text, PiiKind kind, List<Detection> out) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(new Detection(kind, m.start(), m.end(), m.group()));
        }
    }

    private static void secrets(String text, List<Detection> out) {
        for (Pattern pattern : SECRETS) {
            find(pattern, text, PiiKind.SECRET, out);
        }
        Matcher labelled = LABELLED_SECRET.matcher(text);
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
        Matcher assigned = ASSIGNED_SECRET.matcher(text);
        while (assigned.find()) {
            String value = assigned.group("value").replaceAll("[.]+$", "");
            if (value.length() >= 16 && hasDigit(value) && hasLetter(value)) {
                out.add(new Detection(
                        PiiKind.SECRET, assigned.start("value"), assigned.start("value") + value.length(), value));
            }
        }
        Matcher word = PASSWORD_WORD.matcher(text);
        while (word.find()) {
            int windowEnd = Math.min(text.length(), word.end() + 60);
            Matcher token = TOKEN.matcher(text).region(word.end(), windowEnd);
            while (token.find()) {
                String value = token.group().replaceAll("[.,;:?]+$", "");
                if (value.length() >= 8 && characterClasses(value) >= 3) {
                    out.add(new Detection(PiiKind.SECRET, token.start(), token.start() + value.length(), value));
                }
            }
        }
    }

    private static void spelledEmails(String text, List<Detection> out) {
        Matcher m = SPELLED_EMAIL.matcher(text);
        while (m.find()) {
            // only a spelled-out "at" or "dot" makes it an address in disguise; plain ones are found by EMAIL
            // ...and addresses are not made of function words ("look at the dot at the top")
            boolean prose = Arrays.stream(m.group().toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                    .anyMatch(FUNCTION_WORDS::contains);
            if (!prose && !m.group().contains("@") && m.group().matches("(?is).*(?:\\sdot\\s|[\\[(]dot[\\])]).*")) {
                out.add(new Detection(PiiKind.EMAIL, m.start(), m.end(), m.group()));
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

    private static void cards(String text, List<Detection> out) {
        Matcher m = CARD.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("[ -]", "");
            if (digits.length() >= 13 && digits.length() <= 19 && luhn(digits) && !isDateLike(m.group())) {
                out.add(new Detection(PiiKind.CARD, m.start(), m.end(), m.group()));
            }
        }
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static void ibans(String text, List<Detection> out) {
        Matcher m = IBAN.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            // The pattern may run into a following word; shorten group by group until the checksum holds.
            String candidate = m.group();
            int end = m.end();
            boolean found = false;
            while (candidate.replace(" ", "").length() >= 15) {
                if (validIban(candidate.replace(" ", ""))) {
                    out.add(new Detection(PiiKind.IBAN, m.start(), m.start() + candidate.length(), candidate));
                    found = true;
                    break;
                }
                int cut = Math.max(candidate.lastIndexOf(' '), candidate.length() - 1);
                candidate = candidate.substring(0, cut).stripTrailing();
            }
            from = found ? end : m.start() + 1;
        }
    }

    static boolean validIban(String iban) {
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                digits.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static void ips(String text, List<Detection> out) {
        Matcher v4 = IPV4.matcher(text);
        while (v4.find()) {
            String before = text.substring(Math.max(0, v4.start() - 12), v4.start());
            if (!VERSION_BEFORE.matcher(before).find()) {
                out.add(new Detection(PiiKind.IP, v4.start(), v4.end(), v4.group()));
            }
        }
        Matcher v6 = IPV6.matcher(text);
        while (v6.find()) {
            if (validIpv6(v6.group())) {
                out.add(new Detection(PiiKind.IP, v6.start(), v6.end(), v6.group()));
            }
        }
    }

    static boolean validIpv6(String candidate) {
        String address = candidate.contains("/") ? candidate.substring(0, candidate.indexOf('/')) : candidate;
        int doubleColons = address.split("::", -1).length - 1;
        if (doubleColons > 1 || address.chars().filter(c -> c == ':').count() < 2) {
            return false;
        }
        String[] groups = address.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (g.isEmpty()) {
                continue;
            }
            if (g.contains(".")) {
                if (i != groups.length - 1 || !g.matches("(?:\\d{1,3}\\.){3}\\d{1,3}")) {
                    return false;
                }
                count += 2;
            } else if (g.matches("[0-9A-Fa-f]{1,4}")) {
                count++;
            } else {
                return false;
            }
        }
        // Without "::" a full address has 8 groups (times like 12:30:45 and MAC addresses have fewer or more)
        return doubleColons == 1
                ? count < 8 && (count > 0 || address.equals("::")) && !address.matches("\\d+::?\\d*")
                : count == 8;
    }

    private static void phones(String text, List<Detection> out) {
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            String match = m.group().strip();
            String core = match.replaceAll("(?i)\\s?(?:x|ext\\.?)\\s?\\d{1,5}$", "");
            int coreDigits = core.replaceAll("\\D", "").length();
            if (coreDigits < 7 || coreDigits > 15 || FULL_DATE.matcher(match).find() || isDateLike(match)) {
                continue;
            }
            String before = text.substring(Math.max(0, m.start() - 40), m.start());
            if (IDENTIFIER_BEFORE.matcher(before).find()
                    || BLOCK_BEFORE.matcher(before).find()
                    || core.matches(".*\\D\\d$")) {
                continue;
            }
            boolean grouped = core.matches(".*\\d[ ./()-]+\\d.*") || core.contains("(");
            boolean international = match.startsWith("+") || (match.startsWith("00") && grouped && coreDigits >= 10);
            boolean context = PHONE_CONTEXT.matcher(before).find();
            boolean dotted = core.matches("[\\d.]+") && core.contains(".");
            boolean shaped = international
                    || context
                    || (grouped && coreDigits >= 9 && !dotted)
                    || (grouped && coreDigits >= 7 && core.matches("\\(?\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4}"))
                    || (core.startsWith("0") && !core.startsWith("00") && coreDigits >= 10 && coreDigits <= 11);
            if (shaped) {
                int start = m.start() + m.group().indexOf(match);
                out.add(new Detection(PiiKind.PHONE, start, start + match.length(), match));
            }
        }
    }

    private static boolean isDateLike(String s) {
        return DATE_LIKE.matcher(s).find() && s.replaceAll("\\D", "").length() <= 8;
    }

    private static void names(String text, Collection<String> personNames, List<Detection> out) {
        for (String name : personNames) {
            if (name == null || name.isBlank()) {
                continue;
            }
            List<String> variants = new ArrayList<>();
            variants.add(name.strip());
            for (String part : name.strip().split("\\s+")) {
                if (part.length() >= 3) {
                    variants.add(part);
                }
            }
            for (String variant : variants) {
                Pattern pattern = Pattern.compile(
                        "(?<![\\p{L}\\d])" + Pattern.quote(variant) + "(?![\\p{L}\\d])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    // a lower-case common word that happens to equal a name part ("Will", "Grace") is not the name
                    if (Character.isUpperCase(m.group().charAt(0)) || variant.equals(name.strip())) {
                        out.add(new Detection(PiiKind.NAME, m.start(), m.end(), m.group()));
                    }
                }
            }
        }
    }
}
