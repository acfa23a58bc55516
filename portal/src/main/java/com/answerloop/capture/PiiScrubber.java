package com.answerloop.capture;

import java.time.Duration;
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
            "(?<![\\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,8}"
                    + "[A-Za-z]{2,24}(?![\\w-])");

    /** "name dot surname at example dot com", "jo(at)example.org": addresses spelled out to beat form filters. */
    private static final Pattern SPELLED_EMAIL = Pattern.compile(
            "(?i)(?<![\\w.])[a-z0-9][a-z0-9._%+-]{0,63}+(?:(?:\\s++dot\\s++|\\s*+[\\[(]dot[\\])]\\s*+)[a-z0-9_%+-]{1,63}+){0,8}"
                    + "(?:\\s++at\\s++|\\s*+[\\[(]at[\\])]\\s*+)"
                    + "[a-z0-9-]{1,63}+(?:(?:\\s++dot\\s++|\\s*+[\\[(]dot[\\])]\\s*+|\\.)[a-z0-9-]{1,63}+){0,8}"
                    + "(?:\\s++dot\\s++|\\s*+[\\[(]dot[\\])]\\s*+|\\.)[a-z]{2,24}(?![\\w-])(?!\\s+at\\s)");

    /** Order, invoice or customer numbers named as such ("my order #100238857"), whatever their format. */
    private static final Pattern LABELLED_ACCOUNT = Pattern.compile(
            "(?i)\\b(?:order|invoice|customer|contract|booking|subscription)\\s*(?:no\\.?|number|nr\\.?|#|id)?"
                    + "\\s*[:#]?\\s*#?(?<value>(?=[A-Z0-9-]*\\d{5})[A-Z0-9][A-Z0-9-]{4,19})(?![\\w-])");

    private static final Set<String> FUNCTION_WORDS = Set.of(
            "the", "a", "an", "to", "of", "in", "on", "me", "us", "you", "it", "this", "that", "then", "and", "or",
            "is", "my", "your", "our");

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

    private static final Pattern FULL_DATE =
            Pattern.compile("\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}|\\d{1,2}[-./]\\d{1,2}[-./]\\d{4}");

    private static final Pattern DATE_LIKE =
            Pattern.compile("\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}|\\d{1,2}[-./]\\d{1,2}[-./]\\d{2,4}|\\d{1,2}:\\d{2}");

    /** Seconds, not milliseconds: a long case thread scans in well under one (see PiiScrubberBudgetTests). */
    private static final Duration DEFAULT_BUDGET = Duration.ofSeconds(3);

    private final List<Pattern> accountPatterns;
    private final Duration budget;

    /**
     * @param accountPatterns order, account or contract number patterns (the whole match is masked)
     */
    public PiiScrubber(Collection<Pattern> accountPatterns) {
        this(accountPatterns, DEFAULT_BUDGET);
    }

    PiiScrubber(Collection<Pattern> accountPatterns, Duration budget) {
        this.accountPatterns = List.copyOf(accountPatterns);
        this.budget = budget;
    }

    /**
     * Everything found in {@code text}, in text order, without overlaps.
     *
     * @throws PiiScanTimeout when the scan takes longer than its budget
     */
    public List<Detection> detect(String text, Collection<String> personNames) {
        return ScanBudget.within(budget, () -> scan(text, personNames));
    }

    private List<Detection> scan(String text, Collection<String> personNames) {
        List<Detection> all = new ArrayList<>();
        SecretFinder.find(text, all);
        find(EMAIL, text, PiiKind.EMAIL, all);
        spelledEmails(text, all);
        ibans(text, all);
        cards(text, all);
        ips(text, all);
        phones(text, all);
        for (Pattern pattern : accountPatterns) {
            find(pattern, text, PiiKind.ACCOUNT, all);
        }
        Matcher labelledAccount = LABELLED_ACCOUNT.matcher(ScanBudget.timed(text));
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

    static void find(Pattern pattern, String text, PiiKind kind, List<Detection> out) {
        Matcher m = pattern.matcher(ScanBudget.timed(text));
        while (m.find()) {
            out.add(new Detection(kind, m.start(), m.end(), m.group()));
        }
    }

    private static void spelledEmails(String text, List<Detection> out) {
        Matcher m = SPELLED_EMAIL.matcher(ScanBudget.timed(text));
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

    private static void cards(String text, List<Detection> out) {
        Matcher m = CARD.matcher(ScanBudget.timed(text));
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
        Matcher m = IBAN.matcher(ScanBudget.timed(text));
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
        // mod 97 digit by digit (ISO 13616): no big number per candidate, as a long text offers thousands of them
        int remainder = 0;
        for (char c : rearranged.toCharArray()) {
            if (Character.isDigit(c)) {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return remainder == 1;
    }

    private static void ips(String text, List<Detection> out) {
        Matcher v4 = IPV4.matcher(ScanBudget.timed(text));
        while (v4.find()) {
            String before = text.substring(Math.max(0, v4.start() - 12), v4.start());
            if (!VERSION_BEFORE.matcher(before).find()) {
                out.add(new Detection(PiiKind.IP, v4.start(), v4.end(), v4.group()));
            }
        }
        Matcher v6 = IPV6.matcher(ScanBudget.timed(text));
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
        Matcher m = PHONE.matcher(ScanBudget.timed(text));
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
                Matcher m = pattern.matcher(ScanBudget.timed(text));
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
