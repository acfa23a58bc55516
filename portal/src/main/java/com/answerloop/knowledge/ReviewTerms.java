package com.answerloop.knowledge;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who keeps an article right and how often it is checked: front matter {@code owner} (an email address),
 * {@code review_every} (like {@code 180d}, {@code 12w}, {@code 6m} or {@code 1y}) and {@code verified} (the date an
 * editor last confirmed it is still right). Any of them may be missing.
 *
 * @param everyDays the review interval in days; a month counts 30 days and a year 365
 */
record ReviewTerms(String owner, Integer everyDays, LocalDate verified) {

    static final String OWNER = "owner";
    static final String REVIEW_EVERY = "review_every";
    static final String VERIFIED = "verified";
    static final int MAX_OWNER = 254;
    static final ReviewTerms NONE = new ReviewTerms(null, null, null);

    /** Ten years: a longer interval is a typo, not a plan. */
    private static final int MAX_DAYS = 3650;

    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,4})\\s*([dwmy]?)");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Days in {@code 180d}, {@code 12w}, {@code 6m}, {@code 1y} or a bare number of days. */
    static int parseInterval(String text) {
        Matcher matcher = INTERVAL.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "review_every must be a number of days, weeks, months or years, like 180d, 12w, 6m or 1y; not '"
                            + text.strip() + "'");
        }
        int count = Integer.parseInt(matcher.group(1));
        int days = switch (matcher.group(2)) {
            case "w" -> count * 7;
            case "m" -> count * 30;
            case "y" -> count * 365;
            default -> count;
        };
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException(
                    "review_every must be between 1 day and 10 years, not '" + text.strip() + "'");
        }
        return days;
    }

    /** How export writes an interval: in days, which reads back to the same number. */
    static String formatInterval(int days) {
        return days + "d";
    }

    static boolean isEmailAddress(String text) {
        return EMAIL.matcher(text).matches();
    }
}
