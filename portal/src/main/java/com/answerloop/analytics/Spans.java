package com.answerloop.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How a period is covered by the fewest {@link Rollups} rows: edge days, whole weeks, and whole four-week blocks. Weeks
 * and blocks start on a Monday counted from 1970-01-05, so every block is four whole weeks and the greedy cover (the
 * longest span that starts on the day and fits) is at most: days, weeks, blocks, weeks, days.
 */
final class Spans {

    /** The spans rolled up per subject, longest first. */
    static final List<Integer> BLOCKS = List.of(28, 7);

    /** 1970-01-05, a Monday, as a count of days from 1970-01-01. */
    private static final long FIRST_MONDAY = 4;

    /** A run of rows of one span: days (span 1) or blocks whose starts lie between {@code first} and {@code last}. */
    record Part(int span, LocalDate first, LocalDate last) {}

    private Spans() {}

    /** The first day of the span-long block that holds {@code day}. */
    static LocalDate startOf(LocalDate day, int span) {
        long offset = Math.floorMod(day.toEpochDay() - FIRST_MONDAY, span);
        return day.minusDays(offset);
    }

    /** The runs that cover the days from {@code from} to {@code to} (inclusive), each day once, in order. */
    static List<Part> cover(LocalDate from, LocalDate to) {
        List<Part> parts = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            int span = 1;
            for (int block : BLOCKS) {
                if (startOf(day, block).equals(day) && !day.plusDays(block - 1L).isAfter(to)) {
                    span = block;
                    break;
                }
            }
            Part last = parts.isEmpty() ? null : parts.getLast();
            if (last != null && last.span() == span) {
                parts.set(parts.size() - 1, new Part(span, last.first(), day));
            } else {
                parts.add(new Part(span, day, day));
            }
            day = day.plusDays(span);
        }
        return parts;
    }
}
