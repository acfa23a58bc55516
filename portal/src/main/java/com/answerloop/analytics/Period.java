package com.answerloop.analytics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The days an insights page covers: the last 7, 30 or 90 days ({@code ?days=}) or a custom range
 * ({@code ?from=&to=}, ISO dates, both inclusive). One place decides what a valid period is; {@link #parse} says what is
 * wrong with a bad one in words a support lead understands.
 *
 * @param days the chosen preset, or null for a custom range
 */
record Period(LocalDate from, LocalDate to, Integer days) {

    static final List<Integer> CHOICES = List.of(7, 30, 90);
    static final int DEFAULT = 30;

    /** A custom range longer than this is refused: a year and a day covers "last year" and a leap year. */
    static final int MAX_DAYS = 366;

    /** A request's period is not one the pages can show; the message says why. */
    static final class Invalid extends IllegalArgumentException {
        Invalid(String message) {
            super(message);
        }
    }

    static Period last(int days, LocalDate today) {
        return new Period(today.minusDays(days - 1L), today, days);
    }

    /**
     * The period a request asks for. {@code from} and {@code to} (both or neither) win over {@code days}; nothing
     * given means the last 30 days.
     */
    static Period parse(Integer days, String from, String to, LocalDate today) {
        boolean hasFrom = from != null && !from.isBlank();
        boolean hasTo = to != null && !to.isBlank();
        if (!hasFrom && !hasTo) {
            int chosen = days == null ? DEFAULT : days;
            if (!CHOICES.contains(chosen)) {
                throw new Invalid("Choose a period of 7, 30 or 90 days, or a start and end date.");
            }
            return last(chosen, today);
        }
        if (!hasFrom || !hasTo) {
            throw new Invalid("A custom period needs both a start date and an end date.");
        }
        LocalDate start = date(from, "start");
        LocalDate end = date(to, "end");
        if (end.isBefore(start)) {
            throw new Invalid("The end date " + end + " is before the start date " + start + ".");
        }
        if (end.isAfter(today)) {
            throw new Invalid("The end date " + end + " is in the future; the last day with figures is " + today + ".");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw new Invalid("A custom period can cover at most " + MAX_DAYS + " days.");
        }
        return new Period(start, end, null);
    }

    private static LocalDate date(String text, String which) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Invalid("The " + which + " date \"" + abbreviated(text) + "\" is not a date like 2026-01-31.");
        }
    }

    private static String abbreviated(String text) {
        String stripped = text.strip();
        return stripped.length() > 20 ? stripped.substring(0, 20) + "…" : stripped;
    }

    public boolean custom() {
        return days == null;
    }

    /** The query string that asks for this period again, for links between areas and to CSV exports. */
    public String query() {
        return custom() ? "from=" + from + "&to=" + to : "days=" + days;
    }
}
